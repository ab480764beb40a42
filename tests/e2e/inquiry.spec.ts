import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { addressOf } from '../support/smtp-sink';
import { expect, repMailAbout, test } from './fixtures';

const MESSAGE = 'Please quote 200 sets with delivery to Rotterdam by March. Stainless steel body.';

async function fillForm(page: Page, email: string) {
  const form = page.getByRole('dialog');
  await form.getByLabel('Your name').fill('Pieter de Vries');
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Company').fill('Vries Trading B.V.');
  await form.getByLabel('Country').fill('Netherlands');
  await form.getByLabel('Phone / WhatsApp').fill('+31 20 555 0101');
  await form.getByLabel('Quantity').fill('200');
  await form.getByLabel('Unit').selectOption('sets');
  await form.getByLabel('Message').fill(MESSAGE);
}

test.beforeEach(async ({ page, liaison }) => {
  await page.goto(liaison.server.url + '/');
});

test('the card sends an inquiry that reaches the rep by mail', async ({ page, liaison }) => {
  const card = page.locator('[data-liaison-card]');
  await expect(card.getByText('Mr. Moore Liu')).toBeVisible();
  await expect(card.getByText('Sales Manager')).toBeVisible();
  await card.getByRole('button', { name: 'Leave a message' }).click();

  const form = page.getByRole('dialog', { name: 'Send an inquiry to Mr. Moore Liu' });
  await expect(form).toBeVisible();
  await expect(form.getByLabel('Your name')).toBeFocused();
  await fillForm(page, 'pieter@vries.example');
  await form.getByRole('button', { name: 'Send inquiry' }).click();
  await expect(form.getByText('Your inquiry has been sent to Mr. Moore Liu')).toBeVisible();

  const mail = await repMailAbout(liaison, 'pieter@vries.example');
  expect(addressOf(mail.to)).toBe('moore.liu@example.com');
  // With the inbound receiver on, the rep's answer by mail comes back into the thread.
  expect(addressOf(mail.replyTo)).toMatch(/^reply\+[a-z2-7]{26}@reply\.liaison\.test$/);
  expect(mail.text).toContain(MESSAGE);
  expect(mail.text).toContain('Vries Trading B.V.');
  expect(mail.text).toContain('200 sets');
  expect(mail.text).toContain(`Page: ${liaison.server.url}/`);
});

test('a product Contact Now button attaches the product to the inquiry', async ({
  page,
  liaison,
}) => {
  const button = page.locator('[data-liaison-contact]').first();
  const productName = await button.getAttribute('data-product-name');
  const sku = await button.getAttribute('data-product-sku');
  if (!productName || !sku) throw new Error('the demo page has no product button');
  await button.click();

  const form = page.getByRole('dialog');
  await expect(form.getByText(productName)).toBeVisible();
  await fillForm(page, 'buyer.product@vries.example');
  await form.getByRole('button', { name: 'Send inquiry' }).click();
  await expect(form.getByText('Your inquiry has been sent to Mr. Moore Liu')).toBeVisible();

  const mail = await repMailAbout(liaison, 'buyer.product@vries.example');
  expect(mail.subject).toContain(productName);
  expect(mail.text).toContain(productName);
  expect(mail.text).toContain(`SKU ${sku}`);
});

test('a removed product is not sent', async ({ page, liaison }) => {
  const button = page.locator('[data-liaison-contact]').first();
  const productName = (await button.getAttribute('data-product-name')) ?? '';
  await button.click();
  const form = page.getByRole('dialog');
  await form.getByRole('button', { name: 'Remove product' }).click();
  await expect(form.getByText(productName)).toHaveCount(0);
  await fillForm(page, 'no.product@vries.example');
  await form.getByRole('button', { name: 'Send inquiry' }).click();
  await expect(form.getByText('Your inquiry has been sent to Mr. Moore Liu')).toBeVisible();
  const mail = await repMailAbout(liaison, 'no.product@vries.example');
  expect(mail.text).not.toContain(productName);
});

test('field errors are shown, announced and focused; nothing is sent', async ({
  page,
  liaison,
}) => {
  await page.getByRole('button', { name: 'Leave a message' }).click();
  const form = page.getByRole('dialog');
  await form.getByLabel('Email').fill('not-an-email');
  await form.getByLabel('Message').fill('Too short');

  await form.getByRole('button', { name: 'Send inquiry' }).click();

  const email = form.getByLabel('Email');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toBeFocused();
  await expect(email).toHaveAccessibleDescription(/valid email address/);
  await expect(form.getByLabel('Message')).toHaveAccessibleDescription(/at least 20 characters/);
  await expect(form.getByText('Please correct 2 fields.')).toBeVisible();

  await email.fill('fixed@vries.example');
  await form.getByLabel('Message').fill(MESSAGE);
  await form.getByRole('button', { name: 'Send inquiry' }).click();
  await expect(form.getByText('Your inquiry has been sent to Mr. Moore Liu')).toBeVisible();
  await repMailAbout(liaison, 'fixed@vries.example');
  // The refused attempt sent nothing: no mail names the address it had.
  expect(liaison.sink.mails.filter((m) => (m.text ?? '').includes('not-an-email'))).toEqual([]);
});

test('a network failure keeps the data and offers a retry', async ({ page, liaison }) => {
  let failed = false;
  await page.route('**/inquiries', async (route) => {
    if (failed) return route.continue();
    failed = true;
    await route.abort('internetdisconnected');
  });
  await page.getByRole('button', { name: 'Leave a message' }).click();
  await fillForm(page, 'retry@vries.example');
  const form = page.getByRole('dialog');
  await form.getByRole('button', { name: 'Send inquiry' }).click();
  // The unsent inquiry is kept on this device and offered again (widget/form/outbox.ts).
  await expect(form.getByText(/saved on this device/)).toBeVisible();
  await expect(form.getByLabel('Message')).toHaveValue(MESSAGE);

  await form.getByRole('button', { name: 'Try again' }).click();
  await expect(form.getByText('Your inquiry has been sent to Mr. Moore Liu')).toBeVisible();
  await repMailAbout(liaison, 'retry@vries.example');
});

test('Escape closes the form and returns focus to the button that opened it', async ({ page }) => {
  const opener = page.getByRole('button', { name: 'Contact Now' }).first();
  await opener.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(opener).toBeFocused();
});

test('axe-core finds no violations on the page, the open form and its errors', async ({ page }) => {
  await expect(page.getByRole('button', { name: 'Leave a message' })).toBeVisible();
  const onCard = await new AxeBuilder({ page }).analyze();
  expect(onCard.violations).toEqual([]);

  await page.getByRole('button', { name: 'Leave a message' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  const onForm = await new AxeBuilder({ page }).analyze();
  expect(onForm.violations).toEqual([]);

  await page.getByRole('dialog').getByRole('button', { name: 'Send inquiry' }).click();
  await expect(page.getByRole('dialog').getByLabel('Email')).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  const onErrors = await new AxeBuilder({ page }).analyze();
  expect(onErrors.violations).toEqual([]);
});
