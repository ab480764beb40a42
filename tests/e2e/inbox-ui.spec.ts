import { randomBytes } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { inquiryBody } from '../support/inquiry-body';
import { addressOf } from '../support/smtp-sink';
import { expect, MOORE, test, type Liaison } from './fixtures';

// The reps' inbox app (inbox/) in Chromium against the real server. Every test makes its own
// inquiries with a unique word in them, since the server (and its data) lives for the worker.

/** A fresh word FTS5 indexes as one token: letters and digits only. */
const uniqueWord = (prefix: string) => `${prefix}${randomBytes(4).toString('hex')}`;

interface Visitor {
  name: string;
  email: string;
  company: string;
  message?: string;
}

/** Files an inquiry through the public API, as the widget would; returns its id. */
async function createInquiry(liaison: Liaison, visitor: Visitor): Promise<string> {
  return (await fileInquiry(liaison, visitor)).id;
}

/** Files an inquiry; returns its id and the visitor's conversation token. */
async function fileInquiry(
  liaison: Liaison,
  visitor: Visitor,
): Promise<{ id: string; token: string }> {
  const res = await fetch(`${liaison.server.url}/api/v1/sites/demo/inquiries`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(
      inquiryBody({
        name: visitor.name,
        email: visitor.email,
        company: visitor.company,
        ...(visitor.message !== undefined && { message: visitor.message }),
      }),
    ),
  });
  const body: unknown = await res.json();
  if (res.status !== 201 || typeof body !== 'object' || body === null) {
    throw new Error(`inquiry not created: ${res.status} ${JSON.stringify(body)}`);
  }
  if (!('id' in body) || !('token' in body)) throw new Error('201 without id and token');
  return { id: String(body.id), token: String(body.token) };
}

/** The visitor writes again in their conversation. */
async function visitorFollowUp(liaison: Liaison, token: string, text: string): Promise<void> {
  const res = await fetch(`${liaison.server.url}/api/v1/conversations/${token}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ body: text }),
  });
  if (res.status !== 201) throw new Error(`follow-up refused: ${res.status} ${await res.text()}`);
}

async function signIn(page: Page, liaison: Liaison) {
  await page.goto(`${liaison.server.url}/inbox`);
  await expect(page).toHaveURL(/\/inbox\/sign-in$/);
  await page.getByLabel('Email').fill(MOORE.email);
  await page.getByLabel('Password').fill(MOORE.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Inquiries' })).toBeVisible();
}

/** The list's row (a link) that mentions `text`. */
const rowOf = (page: Page, text: string) =>
  page.getByRole('region', { name: 'Inquiries' }).getByRole('link').filter({ hasText: text });

async function expectNoAxeViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations).toEqual([]);
}

test('sign-in shows field errors, then the server refusing a wrong password', async ({
  page,
  liaison,
}) => {
  await page.goto(`${liaison.server.url}/inbox`);
  await expect(page).toHaveURL(/\/inbox\/sign-in$/);
  await expect(page).toHaveTitle('Sign in · Liaison');

  await page.getByRole('button', { name: 'Sign in' }).click();
  const email = page.getByLabel('Email');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toBeFocused();
  await expect(email).toHaveAccessibleDescription(/valid email address/);
  await expect(page.getByLabel('Password')).toHaveAccessibleDescription('Enter your password.');

  await email.fill(MOORE.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('do not match');
  await expect(page).toHaveURL(/\/inbox\/sign-in$/);
});

test('the right password lands in the list; sign-out returns to sign-in', async ({
  page,
  liaison,
}) => {
  await signIn(page, liaison);
  await expect(page).toHaveURL(/\/inbox\/?$/);
  const banner = page.getByRole('banner');
  await expect(banner).toContainText('Mr. Moore Liu');
  await expect(banner).toContainText('Hengda');
  await banner.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/inbox\/sign-in$/);
  await page.goto(`${liaison.server.url}/inbox`);
  await expect(page).toHaveURL(/\/inbox\/sign-in$/);
});

test('a sign-in link asks for a mail and always says the same', async ({ page, liaison }) => {
  await page.goto(`${liaison.server.url}/inbox/sign-in`);
  await page.getByLabel('Email').fill(MOORE.email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('status')).toHaveText(
    'If that address has an account, a sign-in link is on its way.',
  );
  const mail = await liaison.sink.waitFor(
    (m) => addressOf(m.to) === MOORE.email && (m.subject ?? '').includes('sign-in link'),
  );
  const link = /https?:\/\/\S+\/inbox\/link#\S+/.exec(mail.text ?? '')?.[0];
  if (!link) throw new Error(`no link in: ${mail.text}`);
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Inquiries' })).toBeVisible();
  await expect(page).toHaveURL(/\/inbox\/?$/);
});

test('a new inquiry appears in the list without a reload, unread, with its summary', async ({
  page,
  liaison,
}) => {
  await signIn(page, liaison);
  const name = uniqueWord('Pieter');
  await createInquiry(liaison, {
    name,
    email: `${name}@vries.example`,
    company: 'Vries Trading',
    message: 'We need 200 sets of stainless valves for a project in Rotterdam.',
  });

  const row = rowOf(page, name);
  await expect(row).toBeVisible();
  await expect(row).toContainText('Unread');
  await expect(row).toContainText('Vries Trading · Germany · Ball Valve DN50');
  await expect(row).toContainText('We need 200 sets');
  await expect(row).toContainText('New');
  await expect(row).toContainText(/just now|min\. ago/);
  await expect(page).toHaveTitle(/^\(\d+\) Inbox · Liaison$/);
});

test('a visitor follow-up appears in the open inquiry without a reload, and is read', async ({
  page,
  liaison,
}) => {
  const name = uniqueWord('Follow');
  const { id, token } = await fileInquiry(liaison, {
    name,
    email: `${name}@f.example`,
    company: 'Follow Ltd',
  });
  await signIn(page, liaison);
  await rowOf(page, name).click();
  const thread = page.getByRole('article', { name }).getByRole('list').first();
  await expect(thread).toContainText('Please quote 500 pieces');
  await expect(rowOf(page, name)).not.toContainText('Unread');

  await visitorFollowUp(liaison, token, 'Could you also quote 50 pieces of DN80?');
  await expect(thread).toContainText('Could you also quote 50 pieces of DN80?');
  // It is open on screen, so the app marked it read again.
  const unread = () =>
    page.evaluate(async (inquiryId) => {
      const res = await fetch(`/api/inbox/inquiries/${inquiryId}`);
      const body: unknown = await res.json();
      return typeof body === 'object' && body !== null && 'unread' in body ? body.unread : null;
    }, id);
  await expect.poll(unread).toBe(false);
  await expect(rowOf(page, name)).not.toContainText('Unread');
});

test('desktop notifications are offered, never asked for on load, and shown when hidden', async ({
  page,
  liaison,
}) => {
  // A stand-in Notification API that records requests and notifications, on a hidden tab.
  await page.addInitScript(() => {
    const record = { requested: 0, shown: [] as string[] };
    Object.assign(window, { notificationLog: record });
    class FakeNotification extends EventTarget {
      static permission: NotificationPermission = 'default';
      static async requestPermission(): Promise<NotificationPermission> {
        record.requested++;
        FakeNotification.permission = 'granted';
        return 'granted';
      }
      constructor(title: string, options?: NotificationOptions) {
        super();
        record.shown.push(`${title}: ${options?.body ?? ''}`);
      }
      close() {}
    }
    Object.defineProperty(window, 'Notification', { value: FakeNotification });
    Object.defineProperty(document, 'visibilityState', { get: () => 'hidden' });
  });
  const log = () =>
    page.evaluate(() => {
      const value: unknown = Reflect.get(window, 'notificationLog');
      return JSON.stringify(value);
    });
  await signIn(page, liaison);
  expect(JSON.parse(await log())).toEqual({ requested: 0, shown: [] });

  await page.getByRole('button', { name: 'Turn on desktop notifications' }).click();
  await expect(page.getByText('Desktop notifications are on')).toBeVisible();

  const name = uniqueWord('Ping');
  await createInquiry(liaison, { name, email: `${name}@n.example`, company: 'Ping' });
  await expect(rowOf(page, name)).toBeVisible();
  await expect.poll(log).toContain(`New inquiry: ${name}: Please quote 500 pieces`);
  expect(JSON.parse(await log()).requested).toBe(1);
});

test('status filters and search narrow the list', async ({ page, liaison }) => {
  const alpha = uniqueWord('Alpha');
  const beta = uniqueWord('Beta');
  await createInquiry(liaison, { name: alpha, email: `${alpha}@a.example`, company: alpha });
  const betaId = await createInquiry(liaison, {
    name: beta,
    email: `${beta}@b.example`,
    company: beta,
  });
  await signIn(page, liaison);
  await expect(rowOf(page, alpha)).toBeVisible();
  await expect(rowOf(page, beta)).toBeVisible();

  // Close beta from its own screen.
  await rowOf(page, beta).click();
  await expect(page).toHaveURL(new RegExp(`/inbox/inquiries/${betaId}$`));
  await page.getByLabel('Status', { exact: true }).selectOption('closed');
  await page.getByRole('button', { name: 'Change status' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Status changed to Closed.' }),
  ).toBeVisible();

  const filters = page.getByRole('group', { name: 'Filter by status' });
  await filters.getByRole('button', { name: 'Closed' }).click();
  await expect(filters.getByRole('button', { name: 'Closed' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(rowOf(page, beta)).toBeVisible();
  await expect(rowOf(page, alpha)).toHaveCount(0);

  await filters.getByRole('button', { name: 'All' }).click();
  await expect(rowOf(page, alpha)).toBeVisible();
  const search = page.getByRole('searchbox', { name: 'Search inquiries' });
  await search.fill(alpha);
  await search.press('Enter');
  await expect(rowOf(page, alpha)).toBeVisible();
  await expect(rowOf(page, beta)).toHaveCount(0);

  await search.fill('');
  await expect(rowOf(page, beta)).toBeVisible();
});

test('an inquiry shows its details and thread; a reply is mailed, a note is not', async ({
  page,
  liaison,
}) => {
  const name = uniqueWord('Jane');
  const email = `${name.toLowerCase()}@buyer.example`;
  const id = await createInquiry(liaison, { name, email, company: 'Buyer GmbH' });
  await signIn(page, liaison);
  await rowOf(page, name).click();
  await expect(page).toHaveURL(new RegExp(`/inbox/inquiries/${id}$`));

  const article = page.getByRole('article', { name });
  await expect(article.getByRole('heading', { name, level: 2 })).toBeFocused();
  await expect(article.getByRole('link', { name: email })).toHaveAttribute(
    'href',
    `mailto:${email}`,
  );
  const details = article.getByRole('region', { name: 'Details' });
  for (const text of ['Buyer GmbH', 'Germany', '+49 30 1234567', 'SKU BV-50', '500 pieces']) {
    await expect(details).toContainText(text);
  }
  await expect(details).toContainText('de-DE');
  await expect(details).toContainText("Visitor's local time");
  await expect(details).toContainText('Europe/Berlin');
  await expect(details).toContainText('Why');
  await expect(details.getByRole('link', { name: 'Ball Valve DN50' })).toHaveAttribute(
    'href',
    'https://hengda.example/p/bv-50',
  );
  const pageLink = details.getByRole('link', { name: 'https://hengda.example/news/1' });
  await expect(pageLink).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(details.getByRole('link', { name: 'https://search.example/' })).toBeVisible();

  const thread = article.getByRole('list').filter({ hasText: 'Please quote 500 pieces' });
  await expect(thread).toBeVisible();
  // Opening it read it: new becomes open.
  const badge = article.locator('.inquiry-meta .badge');
  await expect(badge).toHaveText('Open');

  const box = article.getByLabel('Your message');
  await box.fill('Dear Jane, 12.50 USD per piece, delivery in 4 weeks.');
  await article.getByRole('button', { name: 'Send reply' }).click();
  await expect(page.getByText(`Reply sent to ${email}.`)).toBeVisible();
  await expect(thread).toContainText('Dear Jane, 12.50 USD per piece');
  await expect(box).toHaveValue('');
  await expect(badge).toHaveText('Waiting for visitor');
  // The reply, not the acknowledgement the visitor got when they sent the inquiry.
  const mail = await liaison.sink.waitFor(
    (m) => addressOf(m.to) === email && (m.text ?? '').includes('12.50 USD per piece'),
  );
  expect(mail.subject).toMatch(/^Re: /);

  await box.fill('Customer asked twice; check stock first.');
  await article.getByRole('button', { name: 'Add internal note' }).click();
  await expect(page.getByText('Internal note added.')).toBeVisible();
  const note = thread.getByRole('listitem').filter({ hasText: 'check stock first' });
  await expect(note).toContainText('Internal note');
});

test('visitor-supplied text is shown as text, never as markup', async ({ page, liaison }) => {
  const word = uniqueWord('Mallory');
  const name = `<img src=x onerror="window.pwned=1">${word}`;
  await createInquiry(liaison, { name, email: `${word}@evil.example`, company: '<b>Evil</b>' });
  await signIn(page, liaison);
  await rowOf(page, word).click();
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
  await expect(page.getByText('<b>Evil</b>').first()).toBeVisible();
  expect(await page.evaluate(() => 'pwned' in window)).toBe(false);
  await expect(page.locator('main img')).toHaveCount(0);
});

test('the keyboard alone reaches and opens an inquiry', async ({ page, liaison }) => {
  const name = uniqueWord('Keys');
  const id = await createInquiry(liaison, { name, email: `${name}@k.example`, company: 'Keys' });
  await signIn(page, liaison);
  await page.reload();
  await expect(rowOf(page, name)).toBeVisible();

  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  const row = rowOf(page, name);
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await row.evaluate((el) => el === document.activeElement)) break;
  }
  await expect(row).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/inbox/inquiries/${id}$`));
  await expect(page.getByRole('heading', { name, level: 2 })).toBeFocused();
  await expect(row).toHaveAttribute('aria-current', 'page');
});

test('on a phone the list and an inquiry are separate screens', async ({ page, liaison }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const name = uniqueWord('Phone');
  await createInquiry(liaison, { name, email: `${name}@p.example`, company: 'Phone Co' });
  await signIn(page, liaison);
  await rowOf(page, name).click();
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Inquiries' })).toBeHidden();
  await page.getByRole('link', { name: 'Back to inbox' }).click();
  await expect(page.getByRole('heading', { name: 'Inquiries' })).toBeVisible();
  await expect(page.getByRole('heading', { name, level: 2 })).toHaveCount(0);
});

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test(`axe-core finds no violations on sign-in, list and inquiry at ${viewport.width}px`, async ({
    page,
    liaison,
  }) => {
    await page.setViewportSize(viewport);
    const name = uniqueWord('Axe');
    await createInquiry(liaison, { name, email: `${name}@axe.example`, company: 'Axe AG' });

    await page.goto(`${liaison.server.url}/inbox/sign-in`);
    await expect(page.getByRole('heading', { name: 'Sign in to your inbox' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page);

    await signIn(page, liaison);
    await expect(rowOf(page, name)).toBeVisible();
    await expectNoAxeViolations(page);

    await rowOf(page, name).click();
    await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Details' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
}
