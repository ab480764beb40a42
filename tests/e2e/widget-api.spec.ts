import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { AdminRep } from '../../contract';
import { expect, MOORE, repMailAbout, signIn, test, type Liaison } from './fixtures';

// The page's JavaScript API (documented in widget/namespace.ts), the quick-question chips and
// the WhatsApp link, against the demo page and its rep, Mr. Moore Liu.

const MESSAGE = 'Please quote 200 gate valves DN80 with delivery to Santos by May.';

/** Sets (or clears, with null) Moore's WhatsApp number through the admin API. */
async function setMooreWhatsapp(liaison: Liaison, whatsapp: string | null) {
  const headers = {
    Cookie: await signIn(liaison),
    Origin: new URL(liaison.server.url).origin,
    'Content-Type': 'application/json',
  };
  const reps = (await (
    await fetch(`${liaison.server.url}/api/inbox/admin/reps`, { headers })
  ).json()) as AdminRep[];
  const moore = reps.find((r) => r.email === MOORE.email);
  if (!moore) throw new Error('no Moore');
  const { id, ...input } = moore;
  const res = await fetch(`${liaison.server.url}/api/inbox/admin/reps/${id}`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ ...input, profile: { ...moore.profile, whatsapp } }),
  });
  expect(res.status).toBe(200);
}

/** What the page's handlers heard (see the first test). */
const heardIn = (page: Page) => page.evaluate((): unknown => Reflect.get(window, 'heard'));

/** Calls `liaison(...args)` in the page, as a site's own script would. */
const liaisonCall = (page: Page, ...args: unknown[]) =>
  page.evaluate((call) => {
    if (typeof window.liaison !== 'function') throw new Error('no window.liaison');
    window.liaison(...call);
  }, args);

test('prefill, open with a product, and the sent event with the inquiry id', async ({
  page,
  liaison,
}) => {
  await page.goto(`${liaison.server.url}/`);
  // Handlers live in the page; what they heard is kept on window for the test to read.
  await page.evaluate((message) => {
    const heard: unknown[] = [];
    Object.assign(window, { heard });
    if (typeof window.liaison !== 'function') throw new Error('no window.liaison');
    window.liaison('on', 'sent', (event: unknown) => {
      heard.push(['sent', event]);
      if (typeof event === 'object' && event !== null)
        Object.assign(window, { sentId: Reflect.get(event, 'inquiryId') });
    });
    window.liaison('on', 'open', (event: unknown) => heard.push(['open', event]));
    window.liaison('on', 'close', (...args: unknown[]) => heard.push(['close', args.length]));
    // A throwing handler is logged, never breaks the widget or the handlers after it.
    window.liaison('on', 'sent', () => {
      throw new Error('a bug in the page');
    });
    window.liaison('prefill', {
      name: 'Rafael Souza',
      email: 'rafael@souza.example',
      company: 'Souza Importadora',
      quantity: '200',
      unit: 'sets',
      message,
      colour: 'ignored',
    });
    window.liaison('open', { product: { name: 'Gate Valve', sku: 'GV-2' } });
  }, MESSAGE);

  const form = page.getByRole('dialog', { name: 'Send an inquiry to Mr. Moore Liu' });
  await expect(form).toBeVisible();
  await expect(form.getByText('Gate Valve')).toBeVisible();
  await expect(form.getByText('SKU GV-2')).toBeVisible();
  await expect(form.getByLabel('Your name')).toHaveValue('Rafael Souza');
  await expect(form.getByLabel('Email')).toHaveValue('rafael@souza.example');
  await expect(form.getByLabel('Company')).toHaveValue('Souza Importadora');
  await expect(form.getByLabel('Quantity')).toHaveValue('200');
  await expect(form.getByLabel('Unit')).toHaveValue('sets');
  await expect(form.getByLabel('Message')).toHaveValue(MESSAGE);

  // What the visitor typed stays, whatever the page prefills afterwards.
  await form.getByLabel('Company').fill('Souza & Filhos');
  await liaisonCall(page, 'prefill', { company: 'Overwritten', country: 'Brazil' });
  await expect(form.getByLabel('Country')).toHaveValue('Brazil');
  await expect(form.getByLabel('Company')).toHaveValue('Souza & Filhos');

  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  await form.getByRole('button', { name: 'Send inquiry' }).click();
  await expect(form.getByText('Your inquiry has been sent to Mr. Moore Liu')).toBeVisible();
  const mail = await repMailAbout(liaison, 'rafael@souza.example');
  expect(mail.text).toContain('Gate Valve');
  expect(mail.text).toContain('Souza & Filhos');

  await expect
    .poll(() => heardIn(page))
    .toContainEqual(['sent', { inquiryId: expect.any(String), rep: { name: 'Mr. Moore Liu' } }]);
  const heard = await heardIn(page);
  expect(heard).toEqual([
    ['open', { product: { name: 'Gate Valve', sku: 'GV-2' } }],
    ['sent', { inquiryId: expect.stringMatching(/\S/), rep: { name: 'Mr. Moore Liu' } }],
  ]);
  // The id is the inquiry's own: the rep's inbox finds it under that id.
  const inquiryId = await page.evaluate((): unknown => Reflect.get(window, 'sentId'));
  const detail = await fetch(`${liaison.server.url}/api/inbox/inquiries/${String(inquiryId)}`, {
    headers: { Cookie: await signIn(liaison), Origin: new URL(liaison.server.url).origin },
  });
  expect(detail.status).toBe(200);
  expect(JSON.stringify(await detail.json())).toContain('rafael@souza.example');
  expect(errors.some((text) => text.includes('a bug in the page'))).toBe(true);

  await liaisonCall(page, 'close');
  await expect(form).toBeHidden();
  await expect.poll(() => heardIn(page)).toContainEqual(['close', 0]);
});

test('calls queued by the stub before the script arrives run once it has', async ({
  page,
  liaison,
}) => {
  // The snippet of widget/namespace.ts, run before any of the page's scripts.
  await page.addInitScript(() => {
    const q: IArguments[] = [];
    const stub = function (..._call: unknown[]) {
      q.push(arguments);
    };
    const heard: unknown[] = [];
    Object.assign(window, { liaison: Object.assign(stub, { q }), heard });
    stub('on', 'open', (event: unknown) => heard.push(['open', event]));
    stub('prefill', { name: 'Queued Name', quantity: 12 });
    stub('open', { product: { name: 'Gate Valve', sku: 'GV-2' } });
  });
  await page.goto(`${liaison.server.url}/`);
  const form = page.getByRole('dialog');
  await expect(form.getByText('Gate Valve')).toBeVisible();
  await expect(form.getByLabel('Your name')).toHaveValue('Queued Name');
  // Strings only: a number is ignored (with a console warning), not shown as "12".
  await expect(form.getByLabel('Quantity')).toHaveValue('');
  await expect
    .poll(() => heardIn(page))
    .toEqual([['open', { product: { name: 'Gate Valve', sku: 'GV-2' } }]]);
});

test('the quick-question chips add their question to the message and take it out', async ({
  page,
  liaison,
}) => {
  await page.goto(`${liaison.server.url}/`);
  await page.getByRole('button', { name: 'Leave a message' }).click();
  const form = page.getByRole('dialog');
  const message = form.getByLabel('Message');
  const chips = form.getByRole('group', { name: 'Quick questions' });
  const price = chips.getByRole('button', { name: 'Price' });
  const sample = chips.getByRole('button', { name: 'Sample' });
  await expect(chips.getByRole('button')).toHaveCount(5);

  await message.fill('We need DN50 ball valves.');
  await price.click();
  await expect(price).toHaveAttribute('aria-pressed', 'true');
  await expect(message).toHaveValue(
    'We need DN50 ball valves.\nWhat is your best price for this quantity?',
  );
  await sample.click();
  await expect(message).toHaveValue(
    'We need DN50 ball valves.\nWhat is your best price for this quantity?\nCan you send a sample first?',
  );
  await price.click();
  await expect(price).toHaveAttribute('aria-pressed', 'false');
  await expect(sample).toHaveAttribute('aria-pressed', 'true');
  await expect(message).toHaveValue('We need DN50 ball valves.\nCan you send a sample first?');
  await sample.click();
  await expect(message).toHaveValue('We need DN50 ball valves.');

  // Without a WhatsApp number (the demo rep has none), there is no link.
  await expect(form.getByRole('link', { name: /WhatsApp/ })).toHaveCount(0);

  await price.click();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
});

test('a rep with WhatsApp gets a Chat on WhatsApp link with the inquiry prefilled', async ({
  browser,
  liaison,
}) => {
  await setMooreWhatsapp(liaison, '+8613800000001');
  try {
    // A fresh browser: another may keep the config without the number for its minute of cache.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${liaison.server.url}/`);
    await liaisonCall(page, 'open', { product: { name: 'Gate Valve', sku: 'GV-2' } });
    const form = page.getByRole('dialog');
    await form.getByLabel('Quantity').fill('50');
    await form.getByLabel('Message').fill(`${MESSAGE}\nSecond line, not in the chat.`);

    const link = form.getByRole('link', { name: 'Chat on WhatsApp (opens in a new tab)' });
    await expect(link).toHaveAttribute('href', /^https:\/\/wa\.me\/8613800000001\?text=/);
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    const href = (await link.getAttribute('href')) ?? '';
    expect(new URL(href).searchParams.get('text')).toBe(`Gate Valve: 50 pieces\n${MESSAGE}`);
    const onForm = await new AxeBuilder({ page }).analyze();
    expect(onForm.violations).toEqual([]);

    // The confirmation offers it too, with the inquiry just sent.
    await form.getByLabel('Email').fill('wa@souza.example');
    await form.getByRole('button', { name: 'Send inquiry' }).click();
    await expect(form.getByText('Your inquiry has been sent to Mr. Moore Liu')).toBeVisible();
    await expect(form.getByRole('link', { name: /Chat on WhatsApp/ })).toHaveAttribute(
      'href',
      href,
    );
    await context.close();
  } finally {
    await setMooreWhatsapp(liaison, null);
  }
});
