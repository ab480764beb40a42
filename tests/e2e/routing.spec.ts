import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Browser } from '@playwright/test';
import type { AdminRep } from '../../contract';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { addressOf, startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { MOORE, setPassword, signIn, type Liaison } from './fixtures';

// The two-rep demo site of demo/two-rep.config.json: Mr. Moore Liu and Ms. Ana Wu in the team
// "Sales" (round robin, the site's default), gate valves (HD-GV-*) to Ana by rule.

const test = base.extend<object, { site: Liaison }>({
  site: [
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'liaison-routing-'));
      const sink: SmtpSink = await startSmtpSink();
      const databaseUrl = join(dir, 'liaison.sqlite');
      const server: ServerProcess = await startServerProcess({
        DATABASE_URL: databaseUrl,
        SMTP_URL: sink.url,
        OUTBOX_POLL_MS: '100',
        LIAISON_CONFIG: 'demo/two-rep.config.json',
      });
      const site = { server, sink, databaseUrl, inbound: { port: 0, domain: 'unused' } };
      await setPassword(site, MOORE.email, MOORE.password);
      await use(site);
      await server.stop();
      await sink.close();
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
});

const ANA = 'ana.wu@example.com';

/**
 * Sends an inquiry from the demo page in a browser of its own (a returning buyer comes back on
 * another day, not into the thread this browser keeps): from a product's Contact Now, or from
 * the card. Resolves with the confirmation text.
 */
async function inquire(browser: Browser, url: string, email: string, product?: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  if (product) await page.locator(`[data-liaison-contact][data-product-name="${product}"]`).click();
  else await page.getByRole('button', { name: 'Leave a message' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Email').fill(email);
  await dialog
    .getByLabel('Message')
    .fill('Please quote your best price for 100 pieces, CIF Santos.');
  await dialog.getByRole('button', { name: 'Send inquiry' }).click();
  const sent = dialog.getByText(/^Your inquiry has been sent to/);
  await expect(sent).toBeVisible();
  const text = await sent.textContent();
  await context.close();
  return text;
}

/** Moore's working hours, through the admin API: on duty all week, or never. */
async function setMooreOnDuty(site: Liaison, onDuty: boolean) {
  const cookie = await signIn(site);
  const headers = {
    Cookie: cookie,
    Origin: new URL(site.server.url).origin,
    'Content-Type': 'application/json',
  };
  const reps = (await (
    await fetch(`${site.server.url}/api/inbox/admin/reps`, { headers })
  ).json()) as AdminRep[];
  const moore = reps.find((r) => r.email === MOORE.email);
  if (!moore) throw new Error('no Moore');
  const days = onDuty
    ? Object.fromEntries(
        ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]]),
      )
    : {};
  const { id: _id, ...input } = moore;
  const res = await fetch(`${site.server.url}/api/inbox/admin/reps/${moore.id}`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({
      ...input,
      profile: { ...moore.profile, hours: { timezone: 'Asia/Shanghai', days } },
    }),
  });
  expect(res.status).toBe(200);
}

test('routes by rule, keeps a returning buyer with their rep, and covers an off-duty rep', async ({
  browser,
  page,
  site,
}) => {
  const url = `${site.server.url}/`;
  const buyer = `returning.${Date.now()}@buyer.example`;

  // The card shows the rep the team's turn would give this page, with the promise.
  await page.goto(url);
  await expect(page.locator('[data-liaison-card]').getByText('Mr. Moore Liu')).toBeVisible();
  await expect(
    page.locator('[data-liaison-card]').getByText('Usually replies within 4 hours'),
  ).toBeVisible();

  // No rule matches: the default team's round robin starts with Moore.
  expect(await inquire(browser, url, buyer)).toBe('Your inquiry has been sent to Mr. Moore Liu');

  // A gate valve goes to Ana by rule...
  expect(
    await inquire(browser, url, `new.${Date.now()}@buyer.example`, 'Cast Iron Gate Valve'),
  ).toBe('Your inquiry has been sent to Ms. Ana Wu');
  // ...but a returning buyer stays with Moore, rule or not.
  expect(await inquire(browser, url, buyer, 'Cast Iron Gate Valve')).toBe(
    'Your inquiry has been sent to Mr. Moore Liu',
  );

  // Moore goes off duty: his returning buyer and the team's next inquiry go to Ana, on duty.
  await setMooreOnDuty(site, false);
  // A fresh browser: this one may keep the card's config for its minute of cache.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url);
  await expect(other.locator('[data-liaison-card]').getByText('Ms. Ana Wu')).toBeVisible();
  await fresh.close();
  expect(await inquire(browser, url, buyer)).toBe('Your inquiry has been sent to Ms. Ana Wu');
  const mail = await site.sink.waitFor(
    (m) => addressOf(m.to) === ANA && (m.text ?? '').includes(`Email: ${buyer}`),
  );
  expect(mail.text).toMatch(/returning buyer; Mr\. Moore Liu is off duty, teammate in 'Sales'/);

  await setMooreOnDuty(site, true);
});
