/** Whether this browser can share constructed stylesheets with shadow roots. */
const canAdopt = () =>
  'adoptedStyleSheets' in ShadowRoot.prototype && 'replaceSync' in CSSStyleSheet.prototype;

const sheets = new Map<string, CSSStyleSheet>();

/** One constructed sheet per stylesheet text, parsed once and shared by every root using it. */
function sheetOf(css: string): CSSStyleSheet {
  let sheet = sheets.get(css);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    sheets.set(css, sheet);
  }
  return sheet;
}

/**
 * Gives `host` an open shadow root styled by `css` (base.css, then the root's own): constructed
 * stylesheets where the browser has them (no `<style>` element, so a strict style-src CSP is
 * not involved), each parsed once for all roots, else a `<style>`.
 */
export function attachRoot(host: Element, ...css: string[]): ShadowRoot {
  const root = host.attachShadow({ mode: 'open' });
  if (canAdopt()) {
    root.adoptedStyleSheets = css.map(sheetOf);
  } else {
    const style = document.createElement('style');
    style.textContent = css.join('');
    root.append(style);
  }
  return root;
}

/** Appends a host element of our own to `<body>`; a custom tag so page rules like `div {}` miss it. */
export function appendHost(tag: string, doc: Document = document): HTMLElement {
  const host = doc.createElement(tag);
  doc.body.append(host);
  return host;
}
