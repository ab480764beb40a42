import { addressOf } from '../support/smtp-sink';
import { expect, MOORE, test } from './fixtures';
import { signIn } from './inbox-fixtures';

// The inbox's sign-in page: field errors, a wrong password, signing out, the sign-in link.

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
