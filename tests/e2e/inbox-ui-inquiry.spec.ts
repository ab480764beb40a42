import { addressOf } from '../support/smtp-sink';
import { expect, test } from './fixtures';
import {
  createInquiry,
  fileInquiry,
  rowOf,
  signIn,
  uniqueWord,
  visitorFollowUp,
} from './inbox-fixtures';

// One inquiry in the inbox: its details and thread, live follow-ups, replies and notes, and
// visitor-supplied text kept as text.

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

  // Words added while a note is sending stay in the box, without the part sent.
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/messages', async (route) => {
    await released;
    await route.continue();
  });
  await box.fill('Stock checked: 600 in the warehouse.');
  await article.getByRole('button', { name: 'Add internal note' }).click();
  await box.press('End');
  await box.pressSequentially(' Ship Monday?');
  release();
  await expect(thread).toContainText('Stock checked: 600 in the warehouse.');
  await expect(box).toHaveValue('Ship Monday?');
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

test('a reply draft survives opening another inquiry; Arabic text reads right to left', async ({
  page,
  liaison,
}) => {
  const first = uniqueWord('Draft');
  const second = uniqueWord('Omar');
  await createInquiry(liaison, { name: first, email: `${first}@d.example`, company: 'Draft Co' });
  await createInquiry(liaison, {
    name: second,
    email: `${second}@o.example`,
    company: 'شركة الرياض',
    message: 'نريد 500 قطعة من Ball valve DN50، متى التسليم؟',
  });
  await signIn(page, liaison);

  await rowOf(page, first).click();
  const box = page.getByRole('article', { name: first }).getByLabel('Your message');
  await box.fill('Dear buyer, our price for 500 pieces is');
  await rowOf(page, second).click();
  const arabic = page.getByRole('article', { name: second }).getByText('نريد 500 قطعة');
  await expect(arabic).toHaveJSProperty('dir', 'auto');
  // Laid out from the right: the paragraph's direction is its own, not the page's.
  expect(await arabic.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');

  await rowOf(page, first).click();
  await expect(page.getByRole('article', { name: first }).getByLabel('Your message')).toHaveValue(
    'Dear buyer, our price for 500 pieces is',
  );
});
