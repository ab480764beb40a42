import { fill } from '../../widget/i18n/locale';
import { en as cardEn, type CardTexts } from '../../widget/i18n/en';
import { card as arCard } from '../../widget/i18n/packs/ar';
import { card as deCard } from '../../widget/i18n/packs/de';
import { card as ruCard } from '../../widget/i18n/packs/ru';
import { en as formEn } from '../../widget/form/i18n/en';
import { expect, test } from './fixtures';
import { fieldsOf, smallTargets, stylesOf } from './layout-checks';

// The widget on the demo page: phone sheet, reduced motion, target sizes (WCAG 2.2 AA).

const MOORE = 'Mr. Moore Liu';

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the dialog fills the screen, its fields are 16px and its targets 24px', async ({
    page,
    liaison,
  }) => {
    await page.goto(`${liaison.server.url}/`);
    const card = page.locator('section.card');
    await expect(card.getByText(MOORE)).toBeVisible();
    await card.getByRole('button', { name: cardEn.leaveMessage }).click();
    const dialog = page.getByRole('dialog', { name: fill(formEn.formTitle, { name: MOORE }) });
    await expect(dialog).toBeVisible();
    // Measured after the opening animation: it moves the dialog up from 12px below.
    await dialog.evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
    expect(await dialog.boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 844 });
    // Below 16px, iOS Safari zooms the page in when a field takes focus.
    for (const field of await fieldsOf(dialog).all()) {
      expect(await stylesOf(field, ['font-size'])).toEqual({ 'font-size': '16px' });
    }
    expect(await smallTargets(dialog)).toEqual([]);
  });
});

test('with reduced motion the dialog does not animate', async ({ page, liaison }) => {
  await page.goto(`${liaison.server.url}/`);
  const card = page.locator('section.card');
  await expect(card.getByText(MOORE)).toBeVisible();
  const dialog = page.getByRole('dialog', { name: fill(formEn.formTitle, { name: MOORE }) });
  const motion = () =>
    dialog.evaluate((el) => ({
      name: getComputedStyle(el).animationName,
      running: el.getAnimations({ subtree: true }).length,
    }));

  // Without the preference it does animate: the check below is not vacuous.
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await card.getByRole('button', { name: cardEn.leaveMessage }).click();
  await expect(dialog).toBeVisible();
  expect((await motion()).name).toBe('rise');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.emulateMedia({ reducedMotion: 'reduce' });
  await card.getByRole('button', { name: cardEn.leaveMessage }).click();
  await expect(dialog).toBeVisible();
  expect(await motion()).toEqual({ name: 'none', running: 0 });
});

test('every control of the demo page card and dialog is at least 24x24', async ({
  page,
  liaison,
}) => {
  await page.goto(`${liaison.server.url}/`);
  const card = page.locator('section.card');
  await expect(card.getByText(MOORE)).toBeVisible();
  expect(await smallTargets(card)).toEqual([]);
  await page.locator('[data-liaison-contact]').first().click();
  const dialog = page.getByRole('dialog', { name: fill(formEn.formTitle, { name: MOORE }) });
  await expect(dialog).toBeVisible();
  // The product line's remove button is part of the dialog now.
  await expect(dialog.getByRole('button', { name: formEn.removeProduct })).toBeVisible();
  expect(await smallTargets(dialog)).toEqual([]);
});

// The demo page's sidebar holds the card in a 300 px slot. An off-duty rep with a title, in the
// languages whose texts run longest: every line is read in full and Contact Now is in the card.
const LONG: [string, CardTexts, string][] = [
  ['de', deCard, 'Montag, 09:00'],
  ['ru', ruCard, 'понедельник, 09:00'],
  ['ar', arCard, 'الاثنين 9:00 ص'],
];
for (const [lang, texts, back] of LONG) {
  test(`${lang}: in a 300 px slot the away card shows every line and both buttons`, async ({
    page,
    liaison,
  }) => {
    await page.addInitScript((lang) => {
      Reflect.set(window, 'liaisonSettings', { lang });
    }, lang);
    await page.route('**/widget-config?*', async (route) => {
      const response = await route.fetch();
      const config: unknown = await response.json();
      const rep: unknown = Reflect.get(Object(config), 'rep');
      Object.assign(Object(rep), { title: 'Export Sales Manager', available: false, back });
      await route.fulfill({ response, json: config });
    });
    await page.goto(`${liaison.server.url}/`);
    const card = page.locator('section.card');
    const status = card.locator('.status');
    await expect(status).toHaveText(texts.away);
    expect((await card.boundingBox())?.width).toBe(300);
    // No line cut short with an ellipsis, no button cut off at the card's foot.
    const cut = await card.evaluate((el) =>
      [...el.querySelectorAll('.rep-text > *, .btn')]
        .filter(
          (line) =>
            line.scrollWidth > line.clientWidth ||
            line.getBoundingClientRect().bottom > el.getBoundingClientRect().bottom,
        )
        .map((line) => line.textContent),
    );
    expect(cut).toEqual([]);
    // The space its slot held before it came is all it takes: nothing on the page moved.
    const slot = await card.evaluate((el) => {
      const root = el.getRootNode();
      const host = root instanceof ShadowRoot ? root.host : el;
      return {
        height: host.getBoundingClientRect().height,
        held: getComputedStyle(host).minHeight,
      };
    });
    expect(`${slot.height}px`).toBe(slot.held);
    await expect(card.getByRole('button', { name: texts.contactNow })).toBeInViewport({
      ratio: 1,
    });
  });
}
