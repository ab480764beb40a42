// The hostile page (demo/test-pages/hostile-css.html) against the widget, both ways: the page's
// rules, even `!important` ones and those on the host elements, do not restyle the widget, and
// the widget changes nothing of the page. Split from host-pages.spec.ts.
import type { Locator, Page } from '@playwright/test';
import { fill } from '../../widget/i18n/locale';
import { en as cardEn } from '../../widget/i18n/en';
import { en as formEn } from '../../widget/form/i18n/en';
import { expect, test } from './fixtures';
import { fieldsOf, stylesOf } from './layout-checks';

const MOORE = 'Mr. Moore Liu';

// What the widget could change on the host page: its own elements' typography and boxes, the
// root's attributes, and the page's stylesheets.
const HOST_PROPS = [
  'font-family',
  'font-size',
  'font-weight',
  'line-height',
  'color',
  'letter-spacing',
  'box-sizing',
  'display',
  'padding-top',
  'padding-left',
  'margin-top',
  'margin-left',
  'direction',
  'text-align',
  'background-color',
  'visibility',
  'opacity',
  'overflow-x',
  'overflow-y',
  'position',
];
const HOST_ELEMENTS = ['html', 'body', 'main', 'h1', '#host-text', '#host-box', '#product-button'];

/** A snapshot of everything of the host page's own the widget must leave as it found it. */
function hostSnapshot(page: Page) {
  return page.evaluate(
    ([selectors, props]) => ({
      styles: selectors.map((selector) => {
        const el = document.querySelector(selector);
        if (!el) return { selector, missing: true };
        const style = getComputedStyle(el);
        return {
          selector,
          ...Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)])),
        };
      }),
      htmlAttributes: [...document.documentElement.attributes].map((a) => `${a.name}=${a.value}`),
      bodyAttributes: [...document.body.attributes].map((a) => `${a.name}=${a.value}`),
      styleSheets: document.styleSheets.length,
      adoptedStyleSheets: document.adoptedStyleSheets.length,
    }),
    [HOST_ELEMENTS, HOST_PROPS] as const,
  );
}

// The widget's own font stack (the build expands `system-ui` into its fallbacks), not the page's.
const WIDGET_FONT = expect.stringMatching(/^system-ui,(?!.*Comic)/);

test('hostile-css.html: the page cannot restyle the widget, nor the widget the page', async ({
  page,
  liaison,
}) => {
  // The loader waits until the page's own styles are recorded: the "before" of the comparison.
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/widget.js', async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(`${liaison.server.url}/demo/test-pages/hostile-css.html`, {
    waitUntil: 'domcontentloaded',
  });
  const before = await hostSnapshot(page);
  // The page's theme did apply to its own elements: otherwise the comparison proves nothing.
  expect(before.styles.find((s) => s.selector === '#host-box')).toMatchObject({
    'font-size': '30px',
    'padding-top': '50px',
    color: 'rgb(255, 0, 0)',
  });
  release();

  const card = page.locator('section.card');
  await expect(card.getByText(MOORE)).toBeVisible();
  expect(
    await stylesOf(card.locator('.rep-name'), [
      'font-size',
      'font-family',
      'color',
      'letter-spacing',
    ]),
  ).toEqual({
    'font-size': '16px',
    'font-family': WIDGET_FONT,
    color: 'rgb(17, 24, 39)',
    'letter-spacing': 'normal',
  });
  expect(await stylesOf(card.locator('.card-body'), ['padding-top', 'box-sizing'])).toEqual({
    'padding-top': '16px',
    'box-sizing': 'border-box',
  });
  // What the page's rules on the host element pass on by inheritance stops at the card.
  const INHERITED = {
    'text-indent': '0px',
    'word-spacing': '0px',
    'white-space-collapse': 'collapse',
    'text-shadow': 'none',
    '-webkit-text-stroke-width': '0px',
    'word-break': 'normal',
    hyphens: 'manual',
    'font-feature-settings': 'normal',
    cursor: 'auto',
  };
  const inherited = Object.keys(INHERITED);
  expect(await stylesOf(card.locator('.reply-time'), inherited)).toEqual(INHERITED);
  const fillColor = (el: Locator) =>
    stylesOf(el, ['color', '-webkit-text-fill-color']).then((s) => [
      s.color,
      s['-webkit-text-fill-color'],
    ]);
  const [color, fillOfCard] = await fillColor(card.locator('.reply-time'));
  expect(fillOfCard).toBe(color);
  // The page's text-decoration above the card draws nothing on it: taken away, no pixel changes.
  const shot = () => card.screenshot({ animations: 'disabled', caret: 'hide' });
  const decorated = await shot();
  const plain = await page.addStyleTag({
    content: '.sidebar { text-decoration: none !important; }',
  });
  expect(await shot()).toEqual(decorated);
  await plain.evaluate((style) => style.parentNode?.removeChild(style));

  await card.getByRole('button', { name: cardEn.leaveMessage }).click();
  const dialog = page.getByRole('dialog', { name: fill(formEn.formTitle, { name: MOORE }) });
  await expect(dialog).toBeVisible();
  const fields = fieldsOf(dialog);
  expect(await fields.count()).toBeGreaterThan(5);
  for (const field of await fields.all()) {
    expect(await stylesOf(field, ['font-size', 'font-family', 'color', 'box-sizing'])).toEqual({
      'font-size': '16px',
      'font-family': WIDGET_FONT,
      color: 'rgb(31, 41, 55)',
      'box-sizing': 'border-box',
    });
  }
  expect(await stylesOf(dialog.locator('.consent, .hint').first(), inherited)).toEqual(INHERITED);
  const [dialogColor, fillOfDialog] = await fillColor(fields.first());
  expect(fillOfDialog).toBe(dialogColor);

  // With the card rendered and the dialog open, the page's own elements are as they were.
  expect(await hostSnapshot(page)).toEqual(before);
});
