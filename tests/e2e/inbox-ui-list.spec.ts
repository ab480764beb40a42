import { expect, test } from './fixtures';
import { inquiryBody } from '../support/inquiry-body';
import {
  createInquiry,
  fileInquiry,
  rowOf,
  signIn,
  uniqueWord,
  visitorFollowUp,
} from './inbox-fixtures';

// The inbox's list of inquiries: live arrivals, desktop notifications, status filters, search.

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

test('an inquiry that arrives before the live stream opens is shown once it opens', async ({
  page,
  liaison,
}) => {
  // Hold the event stream back until the inquiry is stored: no event will ever tell of it.
  let openStream = () => {};
  const streamHeld = new Promise<void>((resolve) => (openStream = resolve));
  await page.route('**/api/inbox/events', async (route) => {
    await streamHeld;
    await route.continue();
  });
  const firstList = page.waitForResponse((response) =>
    new URL(response.url()).pathname.endsWith('/api/inbox/inquiries'),
  );
  await signIn(page, liaison);
  await firstList;
  const name = uniqueWord('Ingrid');
  await createInquiry(liaison, {
    name,
    email: `${name}@fjord.example`,
    company: 'Fjord Marine',
    message: 'Please quote 40 gate valves DN80 for delivery to Bergen.',
  });
  await expect(rowOf(page, name)).toHaveCount(0);

  openStream();
  await expect(rowOf(page, name)).toBeVisible();
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
  const { id, token } = await fileInquiry(liaison, {
    name,
    email: `${name}@n.example`,
    company: 'Ping',
  });
  await expect(rowOf(page, name)).toBeVisible();
  await expect.poll(log).toContain(`New inquiry: ${name}: Please quote 500 pieces`);
  expect(JSON.parse(await log()).requested).toBe(1);

  // A follow-up is news even when a filter hides its inquiry; a colleague's note is not.
  await page
    .getByRole('group', { name: 'Filter by status' })
    .getByRole('button', { name: 'Closed' })
    .click();
  await expect(rowOf(page, name)).toHaveCount(0);
  await visitorFollowUp(liaison, token, 'Could you also quote DN80?');
  await expect.poll(log).toContain(`New message: ${name}: Could you also quote DN80?`);
  const note = await page.evaluate(async (inquiryId) => {
    const res = await fetch(`/api/inbox/inquiries/${inquiryId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'Check stock of DN80 first.', kind: 'note' }),
    });
    return res.status;
  }, id);
  expect(note).toBe(201);
  await visitorFollowUp(liaison, token, 'And DN100, please.');
  await expect.poll(log).toContain(`New message: ${name}: And DN100, please.`);
  expect(await log()).not.toContain('Check stock');

  // Held as spam (a bot filled the hidden field): no notification, as no mail.
  const bot = uniqueWord('Bot');
  const held = await fetch(`${liaison.server.url}/api/v1/sites/demo/inquiries`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(
      inquiryBody({ name: bot, email: `${bot}@b.example`, client: { honeypot: 'win big' } }),
    ),
  });
  expect(held.status).toBe(201);
  const after = uniqueWord('After');
  await fileInquiry(liaison, { name: after, email: `${after}@n.example`, company: 'After' });
  await expect.poll(log).toContain(`New inquiry: ${after}:`);
  expect(await log()).not.toContain(bot);
});

test('status filters and search narrow the list', async ({ page, liaison }) => {
  const alpha = uniqueWord('Alpha');
  const beta = uniqueWord('Beta');
  await createInquiry(liaison, {
    name: alpha,
    email: `${alpha}@a.example`,
    company: alpha,
    message: `您好，我们需要不锈钢阀门，请报价。${alpha}`,
  });
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

  // Chinese has no spaces between words: a word inside a sentence is found.
  await search.fill('阀门');
  await search.press('Enter');
  await expect(rowOf(page, alpha)).toBeVisible();
  await expect(rowOf(page, beta)).toHaveCount(0);

  await search.fill('');
  await expect(rowOf(page, beta)).toBeVisible();
});
