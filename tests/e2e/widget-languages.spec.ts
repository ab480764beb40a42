import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { fill } from '../../widget/i18n/locale';
import * as ar from '../../widget/i18n/packs/ar';
import * as de from '../../widget/i18n/packs/de';
import { expect, postRepReply, repMailAbout, test } from './fixtures';

const MOORE = 'Mr. Moore Liu';

/** The paths the page asks the Liaison server for, in order, from now on. */
function liaisonRequests(page: Page, serverUrl: string): string[] {
  const origin = new URL(serverUrl).origin;
  const requested: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    // The demo page's own files (HTML, CSS, images) come from the same server: not the widget's.
    if (url.origin === origin && /^\/(widget|api\/)/.test(url.pathname)) {
      requested.push(url.pathname);
    }
  });
  return requested;
}

/** Serves the demo page without its `<html lang="en">`, so the browser's language decides. */
async function withoutPageLanguage(page: Page, serverUrl: string): Promise<void> {
  await page.route(`${serverUrl}/`, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace('<html lang="en">', '<html>');
    await route.fulfill({ response, body });
  });
}

/** The demo page with the widget in Arabic (`liaisonSettings.lang`), its form opened from the card. */
async function openArabicForm(page: Page, serverUrl: string): Promise<Locator> {
  await page.addInitScript(() => {
    Reflect.set(window, 'liaisonSettings', { lang: 'ar' });
  });
  await page.goto(`${serverUrl}/`);
  await page.locator('section.card').getByRole('button', { name: ar.card.leaveMessage }).click();
  return page.getByRole('dialog', { name: fill(ar.form.formTitle, { name: MOORE }) });
}

test('an Arabic page gets the card, the form and the answer in Arabic, right to left', async ({
  page,
  liaison,
}) => {
  await page.addInitScript(() => {
    Reflect.set(window, 'liaisonSettings', { lang: 'ar' });
  });
  const requested = liaisonRequests(page, liaison.server.url);
  await page.goto(`${liaison.server.url}/`);

  const card = page.locator('section.card');
  await expect(card.getByRole('heading', { name: ar.card.cardHeading })).toBeVisible();
  await expect(card).toHaveAttribute('dir', 'rtl');
  await expect(card).toHaveAttribute('lang', 'ar');
  await expect(card.getByText(MOORE)).toBeVisible();
  await page.waitForLoadState('networkidle');
  // Two requests in any language: the texts come with the config.
  expect([...requested].sort()).toEqual(['/api/v1/sites/demo/widget-config', '/widget.js']);

  await card.getByRole('button', { name: ar.card.leaveMessage }).click();
  const dialog = page.getByRole('dialog', { name: fill(ar.form.formTitle, { name: MOORE }) });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('dir', 'rtl');
  await expect(dialog).toHaveAttribute('lang', 'ar');
  await expect(dialog.getByText(ar.form.requiredNote)).toBeVisible();
  const onForm = await new AxeBuilder({ page }).analyze();
  expect(onForm.violations).toEqual([]);

  await dialog.getByLabel(ar.form.name).fill('سالم العتيبي');
  await dialog.getByLabel(ar.form.email).fill('arabic@buyer.example');
  await dialog
    .getByLabel(ar.form.message)
    .fill('نحتاج إلى 200 صمام كروي مقاس 2 بوصة مع شهادة المنشأ.');
  await dialog.getByRole('button', { name: ar.form.send }).click();
  await expect(dialog.getByText(fill(ar.form.sentTitle, { name: MOORE }))).toBeVisible();
  await repMailAbout(liaison, 'arabic@buyer.example');
  // The form's texts came with a config answer asked for beside its module: nothing else.
  expect([...requested].sort()).toEqual([
    '/api/v1/sites/demo/inquiries',
    '/api/v1/sites/demo/widget-config',
    '/api/v1/sites/demo/widget-config',
    '/widget-form.js',
    '/widget.js',
  ]);
});

test('in the Arabic widget, English text runs left to right where it is typed and shown', async ({
  page,
  liaison,
}) => {
  const dialog = await openArabicForm(page, liaison.server.url);
  // The direction the browser gives an element, so "?" ends an English sentence on its right.
  const direction = (el: Locator) =>
    el.evaluate((node) => (node.matches(':dir(ltr)') ? 'ltr' : 'rtl'));
  const field = (label: string) => dialog.getByLabel(label, { exact: true });
  for (const [label, text] of [
    [ar.form.name, 'Jan Nowak Jr.'],
    [ar.form.company, 'Nowak Ltd.'],
    [ar.form.country, 'Poland.'],
  ] as const) {
    await field(label).fill(text);
    expect(await direction(field(label))).toBe('ltr');
  }
  // An address and a phone number run left to right whatever they start with ("+49 30..."
  // showed its groups reversed).
  for (const [label, text] of [
    [ar.form.email, 'mixed@buyer.example'],
    [ar.form.phone, '+49 30 1234567'],
  ] as const) {
    await dialog.getByLabel(label).fill(text);
    expect(await direction(dialog.getByLabel(label))).toBe('ltr');
  }
  const question = 'Do you ship DN50 ball valves to Gdansk?';
  await dialog.getByLabel(ar.form.message).fill(question);
  expect(await direction(dialog.getByLabel(ar.form.message))).toBe('ltr');
  // Arabic typed in the same field runs right to left, as the widget does.
  await field(ar.form.company).fill('شركة نواك');
  expect(await direction(field(ar.form.company))).toBe('rtl');

  const answer = page.waitForResponse(
    (res) => res.url().endsWith('/inquiries') && res.request().method() === 'POST',
  );
  await dialog.getByRole('button', { name: ar.form.send }).click();
  const id: unknown = Reflect.get(await (await answer).json(), 'id');
  if (typeof id !== 'string') throw new Error('no inquiry id in the answer');
  const reply = 'Yes, we do. Which pressure class?';
  await postRepReply(liaison, id, reply);
  await dialog.getByRole('button', { name: ar.form.viewConversation }).click();
  const thread = page.getByRole('dialog', { name: fill(ar.form.threadTitle, { name: MOORE }) });
  await expect(thread.getByText(reply)).toBeVisible();
  const messages = thread.getByRole('list', { name: ar.form.messages });
  for (const text of [question, reply, MOORE]) {
    expect(await direction(messages.getByText(text, { exact: true }))).toBe('ltr');
  }
  // The rep's name above the thread, and on the card.
  expect(await direction(thread.locator('.thread-rep-name'))).toBe('ltr');
  expect(await direction(page.locator('section.card .rep-name'))).toBe('ltr');
  await thread.getByLabel(ar.form.reply).fill('PN40, please.');
  expect(await direction(thread.getByLabel(ar.form.reply))).toBe('ltr');
});

test('an Arabic visitor types the quantity in Arabic digits and picks the unit by its Arabic name', async ({
  page,
  liaison,
}) => {
  const dialog = await openArabicForm(page, liaison.server.url);
  await dialog.getByLabel(ar.form.email).fill('arabic-digits@buyer.example');
  await dialog.getByLabel(ar.form.message).fill('نحتاج إلى عرض سعر مع مدة التسليم إلى جدة.');
  // Two and a half, with the Arabic decimal separator: a number input took none of it.
  await dialog.getByLabel(ar.form.quantity, { exact: true }).fill('٢٫٥');
  const unit = dialog.getByLabel(ar.form.unit, { exact: true });
  await expect(unit.locator('option')).toContainText([
    ar.form['unit.pieces'],
    ar.form['unit.tons'],
  ]);
  await unit.selectOption({ label: ar.form['unit.tons'] });
  const sent = page.waitForRequest(
    (req) => req.url().endsWith('/inquiries') && req.method() === 'POST',
  );
  await dialog.getByRole('button', { name: ar.form.send }).click();
  expect((await sent).postDataJSON()).toMatchObject({ quantity: 2.5, unit: 'tons' });
  await expect(dialog.getByText(fill(ar.form.sentTitle, { name: MOORE }))).toBeVisible();
  expect((await repMailAbout(liaison, 'arabic-digits@buyer.example')).text).toContain('2.5 tons');
});

test('a German browser gets German on a page that does not name its language', async ({
  browser,
  liaison,
}) => {
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  const errors: Error[] = [];
  page.on('pageerror', (err) => errors.push(err));
  await withoutPageLanguage(page, liaison.server.url);
  await page.goto(`${liaison.server.url}/`);

  const card = page.locator('section.card');
  await expect(card.getByRole('heading', { name: de.card.cardHeading })).toBeVisible();
  await expect(card).toHaveAttribute('dir', 'ltr');
  await card.getByRole('button', { name: de.card.contactNow }).click();
  const dialog = page.getByRole('dialog', { name: fill(de.form.formTitle, { name: MOORE }) });
  await expect(dialog.getByRole('button', { name: de.form.send })).toBeVisible();
  expect(errors).toEqual([]);
  await context.close();
});

test("the page's own lang comes before the browser's", async ({ browser, liaison }) => {
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto(`${liaison.server.url}/`); // <html lang="en">
  await expect(page.getByRole('heading', { name: 'Online Service' })).toBeVisible();
  await context.close();
});

test('a site overrides a text in any language; an unknown key is named once', async ({
  page,
  liaison,
}) => {
  await page.addInitScript(() => {
    Reflect.set(window, 'liaisonSettings', {
      lang: 'de',
      texts: { leaveMessage: 'Schreiben Sie uns', send: 'Abschicken', leaveMesage: 'typo' },
    });
  });
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await page.goto(`${liaison.server.url}/`);

  const card = page.locator('section.card');
  await expect(card.getByRole('button', { name: 'Schreiben Sie uns' })).toBeVisible();
  await expect(card.getByRole('button', { name: de.card.contactNow })).toBeVisible();
  await card.getByRole('button', { name: 'Schreiben Sie uns' }).click();
  await expect(page.getByRole('dialog').getByRole('button', { name: 'Abschicken' })).toBeVisible();
  expect(warnings.filter((text) => text.includes('leaveMesage'))).toHaveLength(1);
});

test('an Arabic launcher sits at the bottom left, mirrored', async ({ page, liaison }) => {
  await page.addInitScript(() => {
    Reflect.set(window, 'liaisonSettings', { lang: 'ar' });
  });
  await page.goto(`${liaison.server.url}/demo/contact.html`);
  const launcher = page.getByRole('button', { name: ar.card.launcher });
  await expect(launcher).toHaveAttribute('dir', 'rtl');
  const box = await launcher.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect(box && box.x + box.width / 2).toBeLessThan(width / 2);
});
