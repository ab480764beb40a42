import { render, type ComponentChild } from 'preact';

/** Renders a view into an element's own open shadow root, styled by the widget's sheet. */
export type Mount = (host: Element, view: ComponentChild) => void;

/**
 * Creates the mounter. One constructed stylesheet is shared by every shadow root; browsers
 * without constructable stylesheets get a `<style>` element inside each root instead.
 */
export const createMounter = ({ css }: { css: string }): Mount => {
  let sheet: CSSStyleSheet | null = null;
  if ('adoptedStyleSheets' in ShadowRoot.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return function mount(host, view) {
    const root = host.attachShadow({ mode: 'open' });
    if (sheet) root.adoptedStyleSheets = [sheet];
    // The fallback <style> is part of the rendered tree: Preact owns every child of the root.
    render(
      <>
        {!sheet && <style>{css}</style>}
        {view}
      </>,
      root,
    );
  };
};

/** Appends a host element of our own to `<body>`; a custom tag so page rules like `div {}` miss it. */
export function appendHost(tag: string, doc: Document = document): HTMLElement {
  const host = doc.createElement(tag);
  doc.body.append(host);
  return host;
}
