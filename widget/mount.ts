/** Whether this browser can share constructed stylesheets with shadow roots. */
const canAdopt = () =>
  'adoptedStyleSheets' in ShadowRoot.prototype && 'replaceSync' in CSSStyleSheet.prototype;

/**
 * Gives `host` an open shadow root styled by `css`: a constructed stylesheet where the browser
 * has them (no `<style>` element, so a strict style-src CSP is not involved), else a `<style>`.
 */
export function attachRoot(host: Element, css: string): ShadowRoot {
  const root = host.attachShadow({ mode: 'open' });
  if (canAdopt()) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement('style');
    style.textContent = css;
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
