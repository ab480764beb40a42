import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { en } from '../../widget/form/i18n/en';
import { en as card } from '../../widget/i18n/en';
import { fill } from '../../widget/i18n/locale';
import * as ar from '../../widget/i18n/packs/ar';
import { expect, type Liaison, signIn, test } from './fixtures';

// The demo site's name (server/demo-seed.ts), which the consent text names.
const SITE = 'Hengda Fluid Control';
const MESSAGE = 'Please quote 200 ball valves, DN50, PN40, delivery to Rotterdam.';

/** The consent text the server recorded with the visitor's (only) inquiry. */
async function recordedConsent(liaison: Liaison, email: string): Promise<unknown> {
  const cookie = await signIn(liaison);
  const res = await fetch(
    `${liaison.server.url}/api/inbox/admin/visitor?email=${encodeURIComponent(email)}`,
    { headers: { Cookie: cookie } },
  );
  expect(res.status).toBe(200);
  const exported: { inquiries: Array<{ consentText?: unknown }> } = await res.json();
  expect(exported.inquiries).toHaveLength(1);
  return exported.inquiries[0]?.consentText;
}

/** Opens the form from the card (once the config, and so the site's name, has arrived). */
async function openForm(page: Page, leaveMessage: string): Promise<Locator> {
  const card = page.locator('[data-liaison-card]');
  await expect(card.getByText('Mr. Moore Liu')).toBeVisible();
  await card.getByRole('button', { name: leaveMessage }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  return dialog;
}

test('the form shows the consent text, and the inquiry records exactly that text', async ({
  page,
  liaison,
}) => {
  const email = `consent.${Date.now()}@buyer.example`;
  await page.goto(`${liaison.server.url}/`);
  const dialog = await openForm(page, card.leaveMessage);
  const shown = fill(en.consent, { site: SITE });
  await expect(dialog.getByText(shown)).toBeVisible();
  // Screen readers hear it with the button that sends.
  await expect(dialog.getByRole('button', { name: en.send })).toHaveAccessibleDescription(shown);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations).toEqual([]);

  await dialog.getByLabel(en.email).fill(email);
  await dialog.getByLabel(en.message).fill(MESSAGE);
  await dialog.getByRole('button', { name: en.send }).click();
  await expect(dialog.getByText(fill(en.sentTitle, { name: 'Mr. Moore Liu' }))).toBeVisible();
  expect(await recordedConsent(liaison, email)).toBe(shown);
});

test('an Arabic visitor is shown, and recorded as agreeing to, the Arabic text', async ({
  page,
  liaison,
}) => {
  await page.addInitScript(() => {
    // `liaisonSettings` is typed `unknown` (widget/global.d.ts): set it without a cast.
    Reflect.set(window, 'liaisonSettings', { lang: 'ar' });
  });
  const email = `consent.ar.${Date.now()}@buyer.example`;
  await page.goto(`${liaison.server.url}/`);
  const dialog = await openForm(page, ar.card.leaveMessage);
  const shown = fill(ar.form.consent, { site: SITE });
  await expect(dialog.getByText(shown)).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations).toEqual([]);

  await dialog.getByLabel(ar.form.email).fill(email);
  await dialog
    .getByLabel(ar.form.message)
    .fill('نحتاج إلى 200 صمام كروي مقاس 2 بوصة مع شهادة المنشأ.');
  await dialog.getByRole('button', { name: ar.form.send }).click();
  await expect(dialog.getByText(fill(ar.form.sentTitle, { name: 'Mr. Moore Liu' }))).toBeVisible();
  expect(await recordedConsent(liaison, email)).toBe(shown);
});

test("a site's own consent text is shown as text, never markup, and recorded as shown", async ({
  page,
  liaison,
}) => {
  const own =
    'We keep your details for 2 years. <a href="/privacy">Privacy</a>: hengda.example/privacy';
  await page.addInitScript((consent) => {
    Reflect.set(window, 'liaisonSettings', { texts: { consent } });
  }, own);
  const email = `consent.own.${Date.now()}@buyer.example`;
  await page.goto(`${liaison.server.url}/`);
  const dialog = await openForm(page, card.leaveMessage);
  await expect(dialog.getByText(own)).toBeVisible();
  await expect(dialog.getByRole('link')).toHaveCount(0);

  await dialog.getByLabel(en.email).fill(email);
  await dialog.getByLabel(en.message).fill(MESSAGE);
  await dialog.getByRole('button', { name: en.send }).click();
  await expect(dialog.getByText(fill(en.sentTitle, { name: 'Mr. Moore Liu' }))).toBeVisible();
  expect(await recordedConsent(liaison, email)).toBe(own);
});
