import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expect, MOORE, repMailAbout, test } from './fixtures';

const FIXTURES = join(import.meta.dirname, '../fixtures/attachments');

/** The demo page's form, opened from the card, and its file picker. */
async function openAttachments(page: Page, url: string) {
  await page.goto(url + '/');
  await page.getByRole('button', { name: 'Leave a message' }).click();
  const form = page.getByRole('dialog', { name: 'Send an inquiry to Mr. Moore Liu' });
  return { form, picker: form.getByLabel('Attachments') };
}

test('a visitor attaches files; the rep downloads them in the inbox and exports the inquiries', async ({
  page,
  liaison,
}) => {
  const { form, picker } = await openAttachments(page, liaison.server.url);
  // A type the form does not take is refused at once, with the reason beside the field.
  await picker.setInputFiles(join(FIXTURES, 'page.html'));
  await expect(
    form.getByText('page.html: only images, PDF, Word and Excel files can be sent.'),
  ).toBeVisible();
  await picker.setInputFiles([join(FIXTURES, 'spec.pdf'), join(FIXTURES, 'quote.docx')]);
  await expect(form.getByRole('listitem').filter({ hasText: 'spec.pdf' })).toBeVisible();
  await expect(form.getByRole('listitem').filter({ hasText: 'quote.docx' })).toBeVisible();
  await form.getByRole('button', { name: 'Remove file' }).nth(1).click();
  await expect(form.getByRole('listitem').filter({ hasText: 'quote.docx' })).toHaveCount(0);
  await expect(picker).toBeFocused();

  await form.getByLabel('Email').fill('files@buyer.example');
  await form.getByLabel('Message').fill('Please quote the valves in the attached specification.');
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await form.getByRole('button', { name: 'Send inquiry' }).click();
  await expect(form.getByText('Your inquiry has been sent to Mr. Moore Liu')).toBeVisible();
  const mail = await repMailAbout(liaison, 'files@buyer.example');
  expect(mail.text).toContain('Attachments: spec.pdf (download in the inbox)');
  expect(mail.attachments ?? []).toHaveLength(0);

  // The rep, in the inbox.
  const inbox = await page.context().newPage();
  await inbox.goto(`${liaison.server.url}/inbox`);
  await inbox.getByLabel('Email').fill(MOORE.email);
  await inbox.getByLabel('Password').fill(MOORE.password);
  await inbox.getByRole('button', { name: 'Sign in' }).click();
  await inbox.getByRole('link').filter({ hasText: 'files@buyer.example' }).first().click();
  const file = inbox.getByRole('link', { name: 'spec.pdf' });
  await expect(file).toBeVisible();
  const [download] = await Promise.all([inbox.waitForEvent('download'), file.click()]);
  expect(download.suggestedFilename()).toBe('spec.pdf');
  const saved = await download.path();
  expect(readFileSync(saved)).toEqual(readFileSync(join(FIXTURES, 'spec.pdf')));

  const [csv] = await Promise.all([
    inbox.waitForEvent('download'),
    inbox.getByRole('link', { name: 'Export CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/^liaison-inquiries-\d{4}-\d\d-\d\d\.csv$/);
  expect(readFileSync(await csv.path(), 'utf8')).toContain('files@buyer.example');
});

test('a refused file is announced; the third file moves focus from the picker to its remove button', async ({
  page,
  liaison,
}) => {
  const { form, picker } = await openAttachments(page, liaison.server.url);
  // A live region announces changes, not its first content: it is there, empty, beforehand.
  const error = form.locator('#f-attachments-error');
  await expect(error).toHaveRole('status');
  await expect(error).toBeEmpty();
  await picker.setInputFiles(join(FIXTURES, 'page.html'));
  const refused = 'page.html: only images, PDF, Word and Excel files can be sent.';
  await expect(error).toHaveText(refused);
  // The same file again is a change it announces too.
  const before = await error.textContent();
  await picker.setInputFiles(join(FIXTURES, 'page.html'));
  await expect.poll(() => error.textContent()).not.toBe(before);
  await expect(error).toHaveText(refused);

  // The third file disables the picker that has the focus: focus goes to the last file's button.
  await picker.setInputFiles([join(FIXTURES, 'spec.pdf'), join(FIXTURES, 'quote.docx')]);
  await picker.focus();
  await picker.setInputFiles(join(FIXTURES, 'drawing.png'));
  await expect(picker).toBeDisabled();
  const remove = form.getByRole('button', { name: 'Remove file' });
  await expect(remove).toHaveCount(3);
  await expect(remove.last()).toBeFocused();
});
