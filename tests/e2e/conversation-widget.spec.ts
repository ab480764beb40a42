import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { addressOf } from '../support/smtp-sink';
import { expect, postRepReply, test } from './fixtures';

const KEY = 'liaison:demo:conversation';
const MESSAGE = 'Please quote 120 pieces of DN50 ball valves, PN40, delivery to Antwerp in May.';
const FOLLOW_UP = 'One more thing: can the valves come with EN 10204 3.1 certificates?';
const REP_REPLY = 'Yes, 3.1 certificates are included. The quote follows this afternoon.';

const storedToken = (page: Page) => page.evaluate((key) => window.localStorage.getItem(key), KEY);

/** The `{ id, token }` of a 201 answer, checked: the test must not run on a guess. */
function readCreated(body: unknown): { id: string; token: string } {
  const id: unknown = typeof body === 'object' && body !== null ? Reflect.get(body, 'id') : null;
  const token: unknown =
    typeof body === 'object' && body !== null ? Reflect.get(body, 'token') : null;
  if (typeof id !== 'string' || typeof token !== 'string' || !token) {
    throw new Error(`unexpected 201 body: ${JSON.stringify(body)}`);
  }
  return { id, token };
}

/** Sends an inquiry from the demo page's card and returns what the server answered. */
async function sendInquiry(page: Page, email: string) {
  await page.getByRole('button', { name: 'Leave a message' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Your name').fill('Lotte Janssens');
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByLabel('Message').fill(MESSAGE);
  const answer = page.waitForResponse(
    (res) => res.url().endsWith('/inquiries') && res.request().method() === 'POST',
  );
  await dialog.getByRole('button', { name: 'Send inquiry' }).click();
  const created = readCreated(await (await answer).json());
  await expect(dialog.getByText('Your inquiry has been sent to Mr. Moore Liu')).toBeVisible();
  return created;
}

const thread = (page: Page) =>
  page.getByRole('dialog', { name: 'Your conversation with Mr. Moore Liu' });

test.beforeEach(async ({ page, liaison }) => {
  await page.goto(liaison.server.url + '/');
});

test('the thread comes back after a reload, and a follow-up joins it', async ({
  page,
  liaison,
}) => {
  await page.getByRole('button', { name: 'Leave a message' }).click();
  await page.getByRole('dialog').getByLabel('Email').fill('lotte@janssens.example');
  // Opening the form and typing is not sending: the browser keeps nothing yet.
  expect(await page.evaluate(() => window.localStorage.length)).toBe(0);
  await page.keyboard.press('Escape');

  const { token } = await sendInquiry(page, 'lotte@janssens.example');
  expect(await storedToken(page)).toBe(token);

  await page.reload();
  await page.getByRole('button', { name: 'Leave a message' }).click();
  const dialog = thread(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { name: /Your conversation/ })).toBeFocused();
  const messages = dialog.getByRole('list', { name: 'Messages' });
  await expect(messages.getByRole('listitem')).toHaveCount(1);
  await expect(messages.getByRole('listitem').first()).toContainText('You');
  await expect(messages.getByText(MESSAGE)).toBeVisible();

  await dialog.getByLabel('Your reply').fill(FOLLOW_UP);
  await dialog.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(messages.getByText(FOLLOW_UP)).toBeVisible();
  await expect(dialog.getByLabel('Your reply')).toHaveValue('');
  await expect(dialog.getByLabel('Your reply')).toBeFocused();
  // It reaches the rep by mail as well as in the inbox.
  const mail = await liaison.sink.waitFor((m) => (m.text ?? '').includes(FOLLOW_UP));
  expect(addressOf(mail.to)).toBe('moore.liu@example.com');

  // After another reload it is still there: the server has it, not only the page.
  await page.reload();
  await page.getByRole('button', { name: 'Leave a message' }).click();
  await expect(thread(page).getByText(FOLLOW_UP)).toBeVisible();
});

test('Try again after the thread failed to load keeps the focus in the dialog', async ({
  page,
}) => {
  await sendInquiry(page, 'retry@janssens.example');
  let offline = true;
  await page.route('**/api/v1/conversations/*', (route) =>
    offline ? route.abort('internetdisconnected') : route.continue(),
  );
  // No event stream: its opening would load the thread by itself, before Try again.
  await page.route('**/api/v1/conversations/*/events', (route) => route.abort());
  await page.reload();
  await page.getByRole('button', { name: 'Leave a message' }).click();
  // Not loaded, the thread does not know the rep's name yet.
  const dialog = page.getByRole('dialog', { name: 'Your conversation' });
  const retry = dialog.getByRole('button', { name: 'Try again' });
  await expect(retry).toBeVisible();
  offline = false;
  await retry.click();
  await expect(dialog.getByText(MESSAGE)).toBeVisible();
  await expect(dialog.getByRole('heading', { name: /Your conversation/ })).toBeFocused();
});

test("the rep's reply appears while the thread is open, and is announced", async ({
  page,
  liaison,
}) => {
  const { id } = await sendInquiry(page, 'live@janssens.example');
  await page.getByRole('button', { name: 'View conversation' }).click();
  const dialog = thread(page);
  await expect(dialog.getByText(MESSAGE)).toBeVisible();

  await postRepReply(liaison, id, REP_REPLY);
  const reply = dialog.getByRole('listitem').filter({ hasText: REP_REPLY });
  await expect(reply).toBeVisible();
  await expect(reply).toContainText('Mr. Moore Liu');
  await expect(dialog.locator('[aria-live="polite"]')).toHaveText('New reply from Mr. Moore Liu');
});

test('Contact Now with a product opens a new inquiry, with the way back to the thread', async ({
  page,
}) => {
  await sendInquiry(page, 'product@janssens.example');
  await page.getByRole('button', { name: 'Close' }).first().click();

  const button = page.locator('[data-liaison-contact]').first();
  const productName = (await button.getAttribute('data-product-name')) ?? '';
  await button.click();
  const form = page.getByRole('dialog', { name: 'Send an inquiry to Mr. Moore Liu' });
  await expect(form.getByText(productName)).toBeVisible();
  await expect(form.getByLabel('Your name')).toBeFocused();

  await form.getByRole('button', { name: 'Back to your conversation' }).click();
  await expect(thread(page).getByText(MESSAGE)).toBeVisible();
  await thread(page).getByRole('button', { name: 'New inquiry' }).click();
  await expect(page.getByRole('dialog').getByLabel('Your name')).toBeFocused();
  await expect(page.getByRole('dialog').getByLabel('Message')).toHaveValue('');
});

test('the conversation page /c/{token} opens the thread and keeps the token', async ({
  page,
  browser,
  liaison,
}) => {
  const { token } = await sendInquiry(page, 'link@janssens.example');

  // Another browser (the visitor's phone, say): nothing stored until the link is followed.
  const context = await browser.newContext();
  const phone = await context.newPage();
  await phone.goto(`${liaison.server.url}/c/${token}`);
  await expect(thread(phone)).toBeVisible();
  await expect(thread(phone).getByText(MESSAGE)).toBeVisible();
  expect(await storedToken(phone)).toBe(token);

  // The rest of the site's pages in that browser now open the same thread.
  await phone.goto(liaison.server.url + '/');
  await phone.getByRole('button', { name: 'Leave a message' }).click();
  await expect(thread(phone).getByText(MESSAGE)).toBeVisible();
  await context.close();
});

test('an unknown token is forgotten and the blank form shows', async ({ page, liaison }) => {
  await page.evaluate((key) => window.localStorage.setItem(key, 'f'.repeat(43)), KEY);
  await page.reload();
  await page.getByRole('button', { name: 'Leave a message' }).click();
  const form = page.getByRole('dialog', { name: 'Send an inquiry to Mr. Moore Liu' });
  await expect(form.getByLabel('Your name')).toBeVisible();
  await expect(form.getByRole('button', { name: 'Back to your conversation' })).toHaveCount(0);
  await expect.poll(() => storedToken(page)).toBeNull();
  await expect(form.getByLabel('Your name')).toBeFocused();

  const page404 = await page.request.get(`${liaison.server.url}/c/${'f'.repeat(43)}`);
  expect(page404.status()).toBe(404);
});

test('with a kept token, a page view still fetches nothing until the widget opens', async ({
  page,
}) => {
  await sendInquiry(page, 'quiet@janssens.example');
  const requested: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.pathname.startsWith('/api/') || url.pathname.endsWith('.js')) {
      requested.push(url.pathname);
    }
  });
  await page.reload();
  await expect(page.getByText('Mr. Moore Liu')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(requested).toEqual(['/widget.js', '/api/v1/sites/demo/widget-config']);
});

test('axe-core finds no violations in the thread and its reply errors', async ({ page }) => {
  await sendInquiry(page, 'axe@janssens.example');
  await page.getByRole('button', { name: 'View conversation' }).click();
  await expect(thread(page).getByText(MESSAGE)).toBeVisible();
  const onThread = await new AxeBuilder({ page }).analyze();
  expect(onThread.violations).toEqual([]);

  await thread(page).getByRole('button', { name: 'Send', exact: true }).click();
  const box = thread(page).getByLabel('Your reply');
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await expect(box).toHaveAccessibleDescription(/write your reply first/);
  const onErrors = await new AxeBuilder({ page }).analyze();
  expect(onErrors.violations).toEqual([]);
});
