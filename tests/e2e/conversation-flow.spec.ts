import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import type { Page } from '@playwright/test';
import { addressOf } from '../support/smtp-sink';
import { expect, MOORE, test, type Liaison } from './fixtures';

// The whole conversation of the third issue, in one story: a visitor's inquiry reaches Mr.
// Moore Liu's open inbox live; he replies; the visitor sees it in the widget and by mail,
// answers by mail, then follows up in the widget; each step reaches the other side.

const uid = () => Math.random().toString(36).slice(2, 8);

async function signIn(page: Page, liaison: Liaison) {
  await page.goto(`${liaison.server.url}/inbox`);
  await page.getByLabel('Email').fill(MOORE.email);
  await page.getByLabel('Password').fill(MOORE.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Inquiries' })).toBeVisible();
}

/** Sends a mail to Liaison's inbound receiver, as the visitor's mail client would. */
async function mailIn(
  liaison: Liaison,
  to: string,
  from: string,
  text: string,
  attachments: Mail.Attachment[] = [],
) {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: liaison.inbound.port,
    secure: false,
    ignoreTLS: true,
  });
  try {
    await transport.sendMail({ from, to, subject: 'Re: your inquiry', text, attachments });
  } finally {
    transport.close();
  }
}

test('an inquiry, a reply, an answer by mail and a follow-up, each reaching the other side', async ({
  browser,
  page,
  liaison,
}) => {
  const id = uid();
  const visitorEmail = `pieter.${id}@vries.example`;
  const question = `Quote for 200 gate valves DN100, delivery Rotterdam (ref ${id}).`;

  // Mr. Moore Liu has the inbox open in his own browser.
  const repContext = await browser.newContext();
  const inbox = await repContext.newPage();
  await signIn(inbox, liaison);

  // The visitor sends an inquiry from the card.
  await page.goto(`${liaison.server.url}/`);
  await page.getByRole('button', { name: 'Leave a message' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Your name').fill('Pieter de Vries');
  await dialog.getByLabel('Email').fill(visitorEmail);
  await dialog.getByLabel('Message').fill(question);
  await dialog.getByRole('button', { name: 'Send inquiry' }).click();
  await expect(dialog.getByText('Your inquiry has been sent to Mr. Moore Liu')).toBeVisible();

  // It appears in his inbox without a reload, and he opens it.
  const row = inbox
    .getByRole('region', { name: 'Inquiries' })
    .getByRole('link')
    .filter({ hasText: 'Pieter de Vries' });
  await expect(row).toBeVisible();
  await expect(inbox).toHaveTitle(/^\(\d+\) /);
  await row.first().click();
  const article = inbox.getByRole('article', { name: 'Pieter de Vries' });
  await expect(article.getByText(question)).toBeVisible();

  // The visitor keeps the widget open on the thread.
  await dialog.getByRole('button', { name: 'View conversation' }).click();
  const thread = page.getByRole('dialog', { name: 'Your conversation with Mr. Moore Liu' });
  await expect(thread.getByText(question)).toBeVisible();

  // He replies in the inbox; the visitor sees it in the widget and gets it by mail.
  const reply = `Dear Pieter, USD 48 per piece FOB Ningbo (ref ${id}).`;
  await article.getByLabel('Your message').fill(reply);
  await article.getByRole('button', { name: 'Send reply' }).click();
  await expect(thread.getByText(reply)).toBeVisible();
  // (Not the acknowledgement the visitor got first: the mail that carries the reply.)
  const mail = await liaison.sink.waitFor(
    (m) => addressOf(m.to) === visitorEmail && (m.text ?? '').includes(reply),
  );
  expect(mail.from?.value[0]?.name).toBe('Mr. Moore Liu');
  expect(mail.text).toContain(reply);
  const replyTo = addressOf(mail.replyTo) ?? '';
  expect(replyTo).toMatch(/^reply\+[a-z2-7]{26}@reply\.liaison\.test$/);
  const link = /(http:\/\/\S+\/c\/[a-z2-7]{26})/.exec(mail.text ?? '')?.[1];
  expect(link).toBeTruthy();

  // The visitor answers that mail, with a drawing; the answer appears in the open inbox thread,
  // the drawing with it.
  const answer = `Thanks, please send the proforma invoice (ref ${id}).`;
  const drawing = readFileSync(join(import.meta.dirname, '../fixtures/attachments/spec.pdf'));
  await mailIn(
    liaison,
    replyTo,
    `Pieter de Vries <${visitorEmail}>`,
    `${answer}\n\nOn Sun, 29 Nov 2026 at 10:00, Mr. Moore Liu wrote:\n> ${reply}`,
    [{ filename: 'drawing.pdf', content: drawing }],
  );
  await expect(article.getByText(answer)).toBeVisible();
  const answered = article.getByRole('listitem').filter({ hasText: answer });
  const [download] = await Promise.all([
    inbox.waitForEvent('download'),
    answered.getByRole('link', { name: 'drawing.pdf' }).click(),
  ]);
  expect(readFileSync(await download.path())).toEqual(drawing);
  await expect(article.getByText(`> ${reply}`)).toHaveCount(0);
  await expect(thread.getByText(answer)).toBeVisible();

  // The link in the mail reopens the conversation in a browser of its own.
  const linkContext = await browser.newContext();
  const linkPage = await linkContext.newPage();
  await linkPage.goto(link ?? '');
  await expect(linkPage.getByRole('dialog').getByText(reply)).toBeVisible();
  await linkContext.close();

  // The visitor follows up from the widget: the inbox shows it and the rep is mailed.
  const followUp = `Can you also quote 50 pieces of DN150 (ref ${id})?`;
  await thread.getByLabel('Your reply').fill(followUp);
  await thread.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(article.getByText(followUp)).toBeVisible();
  const notified = await liaison.sink.waitFor(
    (m) => addressOf(m.to) === MOORE.email && (m.text ?? '').includes(followUp),
  );
  expect(notified.subject).toMatch(/^Re: /);

  await repContext.close();
});

const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=2">',
  '"><svg onload="window.__xss=3">',
  '<a href="javascript:window.__xss=4">click me</a>',
];

test('HTML and script from a visitor show as text in the inbox and the conversation page', async ({
  browser,
  page,
  liaison,
}) => {
  const payload = PAYLOADS.join(' ');
  const name = `Eve ${uid()}`;
  const res = await fetch(`${liaison.server.url}/api/v1/sites/demo/inquiries`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name,
      email: 'eve@attack.example',
      company: PAYLOADS[1],
      country: PAYLOADS[2],
      phone: '<b>1</b>',
      message: `Hello ${payload}`,
      product: { name: PAYLOADS[0], sku: PAYLOADS[3]?.slice(0, 100) },
      page: { url: PAYLOADS[3], referrer: PAYLOADS[1], language: 'en', timezone: 'Europe/Berlin' },
    }),
  });
  expect(res.status).toBe(201);
  const { token } = (await res.json()) as { token: string };
  const dialogs: string[] = [];

  const repContext = await browser.newContext();
  const inbox = await repContext.newPage();
  inbox.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await signIn(inbox, liaison);
  await inbox
    .getByRole('region', { name: 'Inquiries' })
    .getByRole('link')
    .filter({ hasText: name })
    .click();
  const article = inbox.getByRole('article', { name });
  await expect(article.getByText(`Hello ${payload}`)).toBeVisible();
  await expect(article.getByText(PAYLOADS[1] ?? '', { exact: true }).first()).toBeVisible();
  expect(await inbox.evaluate(() => Reflect.get(window, '__xss'))).toBeUndefined();
  await repContext.close();

  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`${liaison.server.url}/c/${token}`);
  await expect(page.getByRole('dialog').getByText(`Hello ${payload}`)).toBeVisible();
  expect(await page.evaluate(() => Reflect.get(window, '__xss'))).toBeUndefined();
  expect(dialogs).toEqual([]);
});
