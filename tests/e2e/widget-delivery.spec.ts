import AxeBuilder from '@axe-core/playwright';
import type { Page, Request } from '@playwright/test';
import { expect, repMailAbout, signIn, test, type Liaison } from './fixtures';

// How the widget delivers: an Idempotency-Key on every send, the spam signals, and the outbox
// that keeps an inquiry sent without a connection until the server has it.

const OUTBOX = 'liaison:demo:outbox';
const CONVERSATION = 'liaison:demo:conversation';
const MESSAGE = 'Please quote 500 pieces of DN80 butterfly valves with EPDM seats, to Gdansk.';
const SAVED =
  'No connection right now. Your inquiry is saved on this device and will be sent automatically.';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A value inside parsed JSON, or undefined: the test reads what the widget sent, unchecked. */
const at = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>(
    (inner, key) =>
      typeof inner === 'object' && inner !== null ? Reflect.get(inner, key) : undefined,
    value,
  );

const isInquiryPost = (req: Request) => req.url().endsWith('/inquiries') && req.method() === 'POST';

const stored = (page: Page, key: string) =>
  page.evaluate((k) => window.localStorage.getItem(k), key);

const storedKeys = (page: Page) => page.evaluate(() => Object.keys(window.localStorage).sort());

async function fillForm(page: Page, email: string) {
  await page.getByRole('button', { name: 'Leave a message' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Your name').fill('Agnieszka Nowak');
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByLabel('Message').fill(MESSAGE);
  return dialog;
}

/** The inquiries the rep sees from `email`, counted through the inbox API. */
async function inquiriesFrom(liaison: Liaison, email: string, status?: string): Promise<number> {
  const cookie = await signIn(liaison);
  const query = new URLSearchParams({ q: email, ...(status && { status }) });
  const res = await fetch(`${liaison.server.url}/api/inbox/inquiries?${query}`, {
    headers: { Cookie: cookie },
  });
  const items = at(await res.json(), 'items');
  if (!Array.isArray(items)) throw new Error(`unexpected inquiry list: ${res.status}`);
  return items.length;
}

test.beforeEach(async ({ page, liaison }) => {
  await page.goto(liaison.server.url + '/');
});

test('an inquiry carries an Idempotency-Key and the time the form took', async ({ page }) => {
  const openedAt = Date.now();
  const dialog = await fillForm(page, 'timed@nowak.example');
  const request = page.waitForRequest(isInquiryPost);
  await dialog.getByRole('button', { name: 'Send inquiry' }).click();
  const sent = await request;
  const took = Date.now() - openedAt;

  expect(sent.headers()['idempotency-key']).toMatch(UUID);
  const client = at(sent.postDataJSON(), 'client');
  const elapsedMs = at(client, 'elapsedMs');
  expect(typeof elapsedMs).toBe('number');
  expect(Number(elapsedMs)).toBeGreaterThan(0);
  expect(Number(elapsedMs)).toBeLessThanOrEqual(took);
  // A person leaves the hidden field alone, so no honeypot value is sent.
  expect(at(client, 'honeypot')).toBeUndefined();
  await expect(dialog.getByText('Your inquiry has been sent to Mr. Moore Liu')).toBeVisible();
});

test('sent without a connection: kept, said so, and Try again reuses the key', async ({
  page,
  liaison,
}) => {
  const keys: string[] = [];
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/inquiries', async (route) => {
    keys.push(route.request().headers()['idempotency-key'] ?? '');
    if (keys.length === 1) return route.abort('internetdisconnected');
    await held;
    await route.continue();
  });
  const dialog = await fillForm(page, 'again@nowak.example');
  await dialog.getByRole('button', { name: 'Send inquiry' }).click();
  await expect(dialog.getByText(SAVED)).toBeVisible();
  await expect(dialog.getByLabel('Message')).toHaveValue(MESSAGE);
  expect(await stored(page, OUTBOX)).not.toBeNull();
  // The notice and its button are as accessible as the rest of the form.
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await dialog.getByRole('button', { name: 'Try again' }).click();
  // In flight, the button is gone: the dialog's heading holds the focus, not the page.
  await expect(
    dialog.getByRole('heading', { name: 'Send an inquiry to Mr. Moore Liu' }),
  ).toBeFocused();
  release();
  await expect(dialog.getByText('Your inquiry has been sent to Mr. Moore Liu')).toBeVisible();
  await repMailAbout(liaison, 'again@nowak.example');
  expect(keys).toHaveLength(2);
  expect(keys[1]).toBe(keys[0]);
  expect(await storedKeys(page)).toEqual([CONVERSATION]);
});

test('inquiries kept offline in two tabs are both sent by a later page view', async ({
  page,
  liaison,
}) => {
  const context = page.context();
  await context.route('**/inquiries', (route) => route.abort('internetdisconnected'));
  const second = await context.newPage();
  await second.goto(liaison.server.url + '/');
  // Both forms filled in, then both sent. (A form opened after the other tab kept its
  // inquiry shows that one, which the visitor then edits: one inquiry, not two.)
  const dialogs = [
    await fillForm(page, 'first-tab@nowak.example'),
    await fillForm(second, 'second-tab@nowak.example'),
  ];
  for (const dialog of dialogs) {
    await dialog.getByRole('button', { name: 'Send inquiry' }).click();
    await expect(dialog.getByText(SAVED)).toBeVisible();
  }
  expect(JSON.parse((await stored(page, OUTBOX)) ?? '[]')).toHaveLength(2);

  // Both tabs go before the connection is back; a page view after it finds both inquiries.
  await second.close();
  await page.goto('about:blank');
  await context.unroute('**/inquiries');
  await page.goto(liaison.server.url + '/');
  await repMailAbout(liaison, 'first-tab@nowak.example');
  await repMailAbout(liaison, 'second-tab@nowak.example');
  await expect.poll(() => stored(page, OUTBOX)).toBeNull();
});

test('an inquiry kept offline is sent after a reload, without the dialog opening', async ({
  page,
  liaison,
}) => {
  await page.route('**/inquiries', (route) => route.abort('internetdisconnected'));
  const dialog = await fillForm(page, 'offline@nowak.example');
  await dialog.getByRole('button', { name: 'Send inquiry' }).click();
  await expect(dialog.getByText(SAVED)).toBeVisible();
  // A list: each tab of the site may keep one of its own.
  const [kept]: unknown[] = JSON.parse((await stored(page, OUTBOX)) ?? '[]');
  expect(at(kept, 'key')).toMatch(UUID);
  expect(at(kept, 'body', 'email')).toBe('offline@nowak.example');
  expect(at(kept, 'body', 'message')).toBe(MESSAGE);

  await page.unroute('**/inquiries');
  const resent = page.waitForRequest(isInquiryPost);
  await page.reload();
  expect((await resent).headers()['idempotency-key']).toBe(at(kept, 'key'));
  await repMailAbout(liaison, 'offline@nowak.example');
  await expect.poll(() => stored(page, OUTBOX)).toBeNull();
  await expect.poll(() => stored(page, CONVERSATION)).not.toBeNull();
  // Sent in the background: no dialog popped up over the page.
  await expect(page.getByRole('dialog')).toBeHidden();

  // Opening the widget now shows the conversation the inquiry started.
  await page.getByRole('button', { name: 'Leave a message' }).click();
  const thread = page.getByRole('dialog', { name: 'Your conversation with Mr. Moore Liu' });
  await expect(thread.getByText(MESSAGE)).toBeVisible();
});

test('an inquiry whose answer was lost is stored once, though sent twice', async ({
  page,
  liaison,
}) => {
  const email = 'lost-answer@nowak.example';
  // The server gets the request and answers, but the answer never reaches the page.
  await page.route('**/inquiries', async (route) => {
    await route.fetch();
    await route.abort('internetdisconnected');
  });
  const dialog = await fillForm(page, email);
  await dialog.getByRole('button', { name: 'Send inquiry' }).click();
  await expect(dialog.getByText(SAVED)).toBeVisible();
  await repMailAbout(liaison, email);

  await page.unroute('**/inquiries');
  const answer = page.waitForResponse((res) => isInquiryPost(res.request()));
  await page.reload();
  // The same key again: the server answers as the first time and stores nothing new.
  expect((await answer).status()).toBe(201);
  await expect.poll(() => stored(page, OUTBOX)).toBeNull();
  expect(await inquiriesFrom(liaison, email)).toBe(1);
  expect(liaison.sink.mails.filter((m) => (m.text ?? '').includes(`Email: ${email}`))).toHaveLength(
    1,
  );
});

test('a kept inquiry the server refuses is not sent again; the form shows why, on any page', async ({
  page,
}) => {
  await page.route('**/inquiries', (route) => route.abort('internetdisconnected'));
  const dialog = await fillForm(page, 'refused@nowak.example');
  await dialog.getByRole('button', { name: 'Send inquiry' }).click();
  await expect(dialog.getByText(SAVED)).toBeVisible();

  await page.unroute('**/inquiries');
  let asked = 0;
  await page.route('**/inquiries', (route) => {
    asked++;
    return route.fulfill({
      status: 422,
      contentType: 'application/json',
      body: JSON.stringify({
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Invalid',
          fields: { message: 'Please name the valve size you need.' },
        },
      }),
    });
  });
  await page.reload();
  // Refused while nobody looked: kept on the device with the refusal, for whichever page the
  // visitor opens the form on next, and not sent again there.
  await expect.poll(() => stored(page, OUTBOX)).toContain('"refused"');
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.reload();

  await page.getByRole('button', { name: 'Leave a message' }).click();
  const message = page.getByRole('dialog').getByLabel('Message');
  await expect(message).toHaveValue(MESSAGE);
  await expect(message).toHaveAccessibleDescription(/Please name the valve size you need/);
  await expect(message).toBeFocused();
  await expect(page.getByRole('dialog').getByLabel('Email')).toHaveValue('refused@nowak.example');
  expect(asked).toBe(1);
  // Seen: no longer kept.
  await expect.poll(() => stored(page, OUTBOX)).toBeNull();
});

test('sent at the first try, the browser keeps only the conversation token', async ({ page }) => {
  const dialog = await fillForm(page, 'first-try@nowak.example');
  expect(await storedKeys(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Send inquiry' }).click();
  await expect(dialog.getByText('Your inquiry has been sent to Mr. Moore Liu')).toBeVisible();
  expect(await storedKeys(page)).toEqual([CONVERSATION]);
});

test('a follow-up carries a key; after a network failure Try again reuses it', async ({
  page,
  liaison,
}) => {
  const dialog = await fillForm(page, 'follow-up@nowak.example');
  await dialog.getByRole('button', { name: 'Send inquiry' }).click();
  await dialog.getByRole('button', { name: 'View conversation' }).click();

  const keys: string[] = [];
  await page.route('**/messages', async (route) => {
    keys.push(route.request().headers()['idempotency-key'] ?? '');
    if (keys.length === 1) await route.abort('internetdisconnected');
    else await route.continue();
  });
  const followUp = 'Could you also quote the DN100 size, same seats?';
  await dialog.getByLabel('Your reply').fill(followUp);
  await dialog.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(dialog.getByText(/could not reach the server/)).toBeVisible();
  await expect(dialog.getByLabel('Your reply')).toHaveValue(followUp);

  await dialog.getByRole('button', { name: 'Try again' }).click();
  await expect(dialog.getByLabel('Your reply')).toHaveValue('');
  await liaison.sink.waitFor((m) => (m.text ?? '').includes(followUp));
  expect(keys).toHaveLength(2);
  expect(keys[0]).toMatch(UUID);
  expect(keys[1]).toBe(keys[0]);
});

test('a filled hidden field is sent as the honeypot; the visitor sees no difference', async ({
  page,
  liaison,
}) => {
  const email = 'bot@nowak.example';
  const dialog = await fillForm(page, email);
  // What a form-filling bot does; a person never reaches the field.
  await dialog.locator('input[name="website"]').evaluate((input: HTMLInputElement) => {
    input.value = 'https://cheap-valves.example';
  });
  const request = page.waitForRequest(isInquiryPost);
  await dialog.getByRole('button', { name: 'Send inquiry' }).click();
  expect(at((await request).postDataJSON(), 'client', 'honeypot')).toBe(
    'https://cheap-valves.example',
  );
  await expect(dialog.getByText('Your inquiry has been sent to Mr. Moore Liu')).toBeVisible();
  expect(await inquiriesFrom(liaison, email, 'spam')).toBe(1);
});
