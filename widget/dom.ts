/** A child the element builder accepts; null and false are skipped. */
export type Child = Node | string | null | false | undefined;

type Props = Record<string, string | number | boolean | undefined | ((event: Event) => void)>;

/**
 * Builds an element: `on*` props become listeners, `true` an empty attribute, `false` and
 * undefined nothing. The loader uses it instead of Preact, which only the form needs.
 */
export function h(tag: string, props: Props = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2).toLowerCase(), value);
    else if (value !== false && value !== undefined) {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  element.append(
    ...children.filter((c): c is Node | string => c !== null && c !== false && c !== undefined),
  );
  return element;
}

const SVG = 'http://www.w3.org/2000/svg';

/** A decorative line icon (24x24 path); the element it sits in carries the accessible name. */
export function icon(path: string, size: number): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  const attrs: Record<string, string> = {
    width: String(size),
    height: String(size),
    viewBox: '0 0 24 24',
    fill: 'none',
    stroke: 'currentColor',
    'stroke-width': '2',
    'stroke-linecap': 'round',
    'stroke-linejoin': 'round',
    'aria-hidden': 'true',
    focusable: 'false',
  };
  for (const [name, value] of Object.entries(attrs)) svg.setAttribute(name, value);
  const p = document.createElementNS(SVG, 'path');
  p.setAttribute('d', path);
  svg.append(p);
  return svg;
}
