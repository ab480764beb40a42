import { fill } from '../../widget/i18n/locale';
import { en as cardEn } from '../../widget/i18n/en';
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
