import fc from 'fast-check';
import { expect, test } from 'vitest';
import { contrast, themeVars } from './theme';

const rgb = (hex: string): [number, number, number] => [
  parseInt(hex.slice(1, 3), 16),
  parseInt(hex.slice(3, 5), 16),
  parseInt(hex.slice(5, 7), 16),
];
const WHITE = rgb('#ffffff');

/** Material's red, blue and deep orange: ink text, whose hover a darker shade dropped below 4.5:1. */
const INKED = [0xf44336, 0x2196f3, 0xff5722];

test('keeps 4.5:1 for text on the accent and its hover, and for the accent as text on white, whatever the colour', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 0xffffff }), (n) => {
      const color = `#${n.toString(16).padStart(6, '0')}`;
      const vars = themeVars(color);
      if (!vars) throw new Error('a valid colour was refused');
      const on = rgb(vars['--on-accent'] ?? '');
      expect(contrast(on, rgb(vars['--accent'] ?? ''))).toBeGreaterThanOrEqual(4.5);
      expect(contrast(on, rgb(vars['--accent-hover'] ?? ''))).toBeGreaterThanOrEqual(4.5);
      expect(contrast(rgb(vars['--accent-text'] ?? ''), WHITE)).toBeGreaterThanOrEqual(4.5);
    }),
    { numRuns: 2000, examples: INKED.map((n) => [n]) },
  );
});

test('a light colour gets dark text and a darker shade for links; a dark one white text', () => {
  // A middle grey reads at 4.5:1 with neither: the buttons take a darker grey.
  expect(themeVars('#777777')?.['--accent']).not.toBe('#777777');
  expect(themeVars('#ffd700')).toMatchObject({ '--accent': '#ffd700', '--on-accent': '#111827' });
  expect(themeVars('#ffd700')?.['--accent-text']).not.toBe('#ffd700');
  expect(themeVars('#1d4ed8')).toMatchObject({
    '--on-accent': '#ffffff',
    '--accent-text': '#1d4ed8',
  });
});

test('anything but #rrggbb is no theme', () => {
  for (const bad of [null, undefined, '', 'red', '#fff', 'url(x)', '#12345g']) {
    expect(themeVars(bad)).toBeNull();
  }
});
