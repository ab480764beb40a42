/**
 * A site's theme colour as the widget's accent, computed here and sent in the widget config
 * (`site.theme`), so the page's script carries no colour maths. Contrast is kept (WCAG 2.2 AA): text on
 * the accent is white or near-black, whichever reads at 4.5:1; the accent used as text or a
 * focus ring on white is darkened until it reads at 4.5:1; the hover shade keeps 4.5:1 with the text
 * on it. Any #rrggbb works, even yellow.
 */

import type { ThemeVars } from '../../contract/widget-config';

type Rgb = [number, number, number];

const channel = (c: number) => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
const luminance = ([r, g, b]: Rgb) =>
  0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);

/** The WCAG contrast ratio of two colours (1 to 21). */
export const contrast = (a: Rgb, b: Rgb) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

const hex = (rgb: Rgb) =>
  `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
const darker = (rgb: Rgb, by: number): Rgb => rgb.map((c) => Math.floor(c * (1 - by))) as Rgb;
const lighter = (rgb: Rgb, by: number): Rgb => rgb.map((c) => Math.ceil(c + (255 - c) * by)) as Rgb;

const WHITE: Rgb = [255, 255, 255];
const INK: Rgb = [17, 24, 39];

/** Darkens `rgb` in steps until it reads at 4.5:1 on white. */
const readableOnWhite = (rgb: Rgb): Rgb => {
  let shade = rgb;
  for (let by = 0.1; contrast(shade, WHITE) < 4.5; by += 0.1) shade = darker(rgb, by);
  return shade;
};

/** The CSS custom properties for a theme colour; null when it is not `#rrggbb`. */
export function themeVars(color: string | null | undefined): ThemeVars | null {
  if (!color || !/^#[0-9a-f]{6}$/i.test(color)) return null;
  const rgb = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16)) as Rgb;
  let on = contrast(WHITE, rgb) >= contrast(INK, rgb) ? WHITE : INK;
  let fill = rgb;
  // A middle tone that neither white nor ink reads on at 4.5:1: a shade of it, with white text.
  if (contrast(on, fill) < 4.5) [on, fill] = [WHITE, readableOnWhite(rgb)];
  // Darker on hover, unless that takes ink text under 4.5:1 (#f44336 fell to 3.6:1): then lighter,
  // away from the ink, which only adds contrast.
  let hover = darker(fill, 0.15);
  if (contrast(on, hover) < 4.5) hover = lighter(fill, 0.15);
  return {
    '--accent': hex(fill),
    '--accent-hover': hex(hover),
    '--on-accent': hex(on),
    '--accent-text': hex(readableOnWhite(rgb)),
  };
}
