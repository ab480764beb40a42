import { randomBytes } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { AdminRule, AdminSite, AdminTeam } from '../../contract';
import { expect, MOORE, setPassword, signIn, test, type Liaison } from './fixtures';

// The admin section of the inbox (/inbox/admin) in Chromium against the real server. The
// server lives for the worker, so every test names what it creates uniquely.

const unique = (prefix: string) => `${prefix}${randomBytes(3).toString('hex')}`;

async function signInAs(page: Page, liaison: Liaison, email: string, password: string) {
  await page.goto(`${liaison.server.url}/inbox/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Inquiries' })).toBeVisible();
}

/** Reads an admin API answer as Mr. Moore Liu. */
async function adminGet(liaison: Liaison, path: string): Promise<unknown> {
  const res = await fetch(`${liaison.server.url}/api/inbox/admin${path}`, {
    headers: { Cookie: await signIn(liaison) },
  });
  expect(res.status).toBe(200);
  return res.json();
}

/** Sends an admin API change as Mr. Moore Liu. */
async function adminSend(liaison: Liaison, method: string, path: string, body?: unknown) {
  const res = await fetch(`${liaison.server.url}/api/inbox/admin${path}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      Origin: new URL(liaison.server.url).origin,
      Cookie: await signIn(liaison),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBeLessThan(300);
}

/**
 * Runs `body`, then puts the demo site's settings and rules back and deletes the teams it
 * added. The server lives for the worker: a rule left sending the demo's ball valve to a new
 * team would hand later specs' inquiries to its other member, in turn.
 */
async function restoringSite(liaison: Liaison, body: () => Promise<void>) {
  const site = (await adminGet(liaison, '/site')) as AdminSite;
  const rules = (await adminGet(liaison, '/rules')) as AdminRule[];
  const teams = ((await adminGet(liaison, '/teams')) as AdminTeam[]).map((team) => team.id);
  try {
    await body();
  } finally {
    await adminSend(liaison, 'PUT', '/rules', { rules });
    const { id: _id, key: _key, ...settings } = site;
    await adminSend(liaison, 'PUT', '/site', settings);
    for (const team of (await adminGet(liaison, '/teams')) as AdminTeam[]) {
      if (!teams.includes(team.id)) await adminSend(liaison, 'DELETE', `/teams/${team.id}`);
    }
  }
}

async function openAdmin(page: Page) {
  await page.getByRole('link', { name: 'Admin' }).click();
  await expect(page).toHaveURL(/\/inbox\/admin$/);
  await expect(page.getByRole('heading', { name: 'Reply times' })).toBeVisible();
}

test('an admin adds a rep with hours, a team, ordered rules and a new reply promise', async ({
  page,
  liaison,
}) =>
  restoringSite(liaison, async () => {
    const handle = unique('ana-');
    // "Ms." sorts after "Mr.": the reps list, and so the team's round-robin order, is by name.
    const ana = `Ms. Ana ${handle}`;
    const teamName = unique('Valves ');
    await signInAs(page, liaison, MOORE.email, MOORE.password);
    await openAdmin(page);

    // A rep with working hours.
    await page.getByRole('button', { name: 'Add a rep' }).click();
    const repForm = page.getByRole('form', { name: 'New rep' });
    await repForm.getByLabel('Name').fill(ana);
    await repForm.getByLabel('Email').fill(`${handle}@example.com`);
    await repForm.getByLabel('Handle').fill(handle);
    await repForm.getByLabel('Languages').fill('es, en');
    await repForm.getByLabel('Set working hours').check();
    await repForm.getByLabel('Timezone').fill('America/Mexico_City');
    await repForm.getByLabel('Monday').fill('09:00-13:00, 14:00-18:00');
    await repForm.getByLabel('Tuesday').fill('18:00-09:00');
    await repForm.getByRole('button', { name: 'Add rep' }).click();
    // A period that ends before it starts is caught in the page, named by its day.
    await expect(repForm.getByLabel('Tuesday')).toHaveAttribute('aria-invalid', 'true');
    await expect(repForm.getByText(/the end must be after the start/)).toBeVisible();
    await repForm.getByLabel('Tuesday').fill('');
    await repForm.getByRole('button', { name: 'Add rep' }).click();
    const reps = page.getByRole('table', { name: 'Reps' });
    await expect(reps.getByRole('row').filter({ hasText: ana })).toContainText(
      'Set (America/Mexico_City)',
    );

    // A team of two.
    await page.getByRole('button', { name: 'Add a team' }).click();
    const teamForm = page.getByRole('form', { name: 'New team' });
    await teamForm.getByLabel('Team name').fill(teamName);
    await teamForm.getByLabel('Mr. Moore Liu').check();
    await teamForm.getByLabel(ana).check();
    await teamForm.getByRole('button', { name: 'Add team' }).click();
    await expect(
      page.getByRole('table', { name: 'Teams' }).getByRole('row').filter({ hasText: teamName }),
    ).toContainText(`Mr. Moore Liu, ${ana}`);

    // Two rules, then the second moved to the top.
    const rules = page.getByRole('region', { name: 'Rules' });
    await rules.getByRole('button', { name: 'Add a rule' }).click();
    const first = rules.getByRole('group', { name: /^Rule 1/ });
    await first.getByLabel('Name').fill('Spanish speakers');
    await first.getByLabel('Languages').fill('es');
    await first.getByLabel('Send to').selectOption({ label: ana });
    await rules.getByRole('button', { name: 'Add a rule' }).click();
    const second = rules.getByRole('group', { name: /^Rule 2/ });
    await second.getByLabel('Name').fill('Ball valves');
    await second.getByLabel('SKU').fill('BV-*');
    await second.getByLabel('Send to').selectOption({ label: teamName });
    await rules.getByRole('button', { name: 'Save rules' }).click();
    await expect(rules.getByText('Rules saved (2).')).toBeVisible();

    await rules.getByRole('button', { name: 'Move up rule 2' }).click();
    await expect(rules.getByRole('status').first()).toHaveText('Ball valves is now number 1 of 2.');
    await expect(rules.getByRole('group', { name: /^Rule 1/ }).getByLabel('Name')).toHaveValue(
      'Ball valves',
    );
    await rules.getByRole('button', { name: 'Save rules' }).click();
    await expect(rules.getByText('Rules saved (2).')).toBeVisible();
    const saved = await adminGet(liaison, '/rules');
    expect(saved).toMatchObject([
      { name: 'Ball valves', match: { sku: 'BV-*' }, target: { teamId: expect.any(String) } },
      {
        name: 'Spanish speakers',
        match: { languages: ['es'] },
        target: { repId: expect.any(String) },
      },
    ]);

    // The reply promise.
    await page.getByLabel('Reply promise (hours)').fill('12');
    await page.getByRole('button', { name: 'Save site' }).click();
    await expect(page.getByText('Site settings saved.')).toBeVisible();
    expect(await adminGet(liaison, '/site')).toMatchObject({ replyPromiseHours: 12 });

    // All of it is there after a reload.
    await page.reload();
    await expect(page.getByLabel('Reply promise (hours)')).toHaveValue('12');
    await expect(page.getByRole('group', { name: /^Rule 1/ }).getByLabel('Name')).toHaveValue(
      'Ball valves',
    );
  }));

test('a rep who is not an admin sees no Admin link and gets the 403 message', async ({
  page,
  liaison,
}) => {
  const handle = unique('plain-');
  const email = `${handle}@example.com`;
  const res = await fetch(`${liaison.server.url}/api/inbox/admin/reps`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Origin: new URL(liaison.server.url).origin,
      Cookie: await signIn(liaison),
    },
    body: JSON.stringify({
      name: 'Plain Rep',
      title: null,
      email,
      role: 'rep',
      handle,
      active: true,
      profile: {
        languages: [],
        countries: [],
        hours: null,
        away: false,
        whatsapp: null,
        maxOpen: null,
      },
    }),
  });
  expect(res.status).toBe(201);
  await setPassword(liaison, email, 'plain-rep-password');

  await signInAs(page, liaison, email, 'plain-rep-password');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Admin' })).toHaveCount(0);
  await page.goto(`${liaison.server.url}/inbox/admin`);
  await expect(page.getByRole('alert')).toContainText('Only admins can manage the site.');
  await expect(page.getByRole('heading', { name: 'Site' })).toHaveCount(0);
});

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test(`axe-core finds no violations on the admin page at ${viewport.width}px`, async ({
    page,
    liaison,
  }) => {
    await page.setViewportSize(viewport);
    await signInAs(page, liaison, MOORE.email, MOORE.password);
    await openAdmin(page);
    const analyze = async () =>
      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await analyze();

    // With the forms open and a rule's error showing.
    await page.getByRole('button', { name: 'Add a rep' }).click();
    await page.getByRole('form', { name: 'New rep' }).getByLabel('Set working hours').check();
    await page.getByRole('button', { name: 'Add a team' }).click();
    const rules = page.getByRole('region', { name: 'Rules' });
    await rules.getByRole('button', { name: 'Add a rule' }).click();
    await rules.getByRole('button', { name: 'Save rules' }).click();
    await expect(rules.getByText('Choose a rep or a team.')).toBeVisible();
    await analyze();
  });
}

test('an admin downloads and then deletes one visitor’s data from the admin page', async ({
  page,
  liaison,
}) => {
  const email = `erase.${Date.now()}@buyer.example`;
  const res = await fetch(`${liaison.server.url}/api/v1/sites/demo/inquiries`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, message: 'Please delete me after you answer, thank you.' }),
  });
  expect(res.status).toBe(201);
  await page.goto(`${liaison.server.url}/inbox`);
  await page.getByLabel('Email').fill(MOORE.email);
  await page.getByLabel('Password').fill(MOORE.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Inquiries' })).toBeVisible();
  await page.goto(`${liaison.server.url}/inbox/admin`);
  const section = page.getByRole('region', { name: 'A visitor’s data' });
  await section.getByLabel('Visitor email').fill(email);
  const download = page.waitForEvent('download');
  await section.getByRole('button', { name: 'Download their data' }).click();
  const file = await download;
  const saved = await file.path();
  const { readFileSync } = await import('node:fs');
  expect(JSON.parse(readFileSync(saved, 'utf8'))).toMatchObject({
    email,
    inquiries: [{ visitor: { email } }],
  });

  page.once('dialog', (d) => void d.accept());
  await section.getByRole('button', { name: 'Delete their data' }).click();
  await expect(section.getByRole('status')).toHaveText(`Deleted 1 inquiries of ${email}.`);
});
