import nodemailer from 'nodemailer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  rawConversationToken,
  resolveConversationToken,
} from '../../server/domain/conversation-tokens';
import { isLiveReplyToken, receiveInboundReply } from '../../server/domain/inbound-reply';
import { createInboundServer, type InboundServer } from '../../server/mail/inbound-server';
import { replyAddress } from '../../server/mail/reply-address';
import { sendInquiry } from '../support/inbox-client';
import { startMailWorker, type MailWorker } from '../support/mail-worker';
import { openSmtp, smtpSessions, type SmtpClient, type SmtpSessions } from '../support/smtp-client';
import { addressOf } from '../support/smtp-sink';
import { createTestApp, rowCounts, SECRET, type TestApp } from '../support/test-app';

// What a sending mail server does when our answer to its DATA is lost or refused: it delivers the
// same mail again, for days after a temporary 4xx and never after a permanent 5xx. Raw SMTP to
// the real receiver, on the engine under test.

const DOMAIN = 'reply.liaison.test';
let t: TestApp;
let mail: MailWorker;
let inbound: InboundServer;
let port: number;
let sessions: SmtpSessions[];
let raw: SmtpClient[];
// The conversation's follow-ups a minute (RATE_LIMIT_MESSAGES_PER_MINUTE); lifted unless a test
// sets it.
let messagesPerMinute: number;

beforeEach(async () => {
  t = await createTestApp();
  mail = await startMailWorker(t, DOMAIN);
  messagesPerMinute = 10_000;
  const deps = { store: t.store, clock: () => t.now.value, newId: t.newId, events: t.events };
  inbound = createInboundServer({
    port: 0,
    domain: DOMAIN,
    isKnownToken: (token) => isLiveReplyToken(deps, token),
    onReply: (reply) => receiveInboundReply(deps, reply, { messagesPerMinute }),
    onError: () => {},
  });
  port = await inbound.listen();
  sessions = [];
  raw = [];
});
afterEach(async () => {
  for (const session of sessions) session.close();
  // A failed assertion leaves a session open, which would hold close() for 30 s.
  for (const client of raw) client.abort();
  await inbound.close();
  await mail.close();
  await t.close();
});

/** One SMTP transaction in a session of its own; the code the message got. */
async function deliver(to: string, data: string): Promise<number | null> {
  const session = smtpSessions({ port });
  sessions.push(session);
  return session.deliver({ from: '<jane@buyer.example>', to: [`<${to}>`], data, abort: false });
}

const message = (to: string, text: string, messageId: string | null) =>
  [
    'From: Jane Buyer <jane@buyer.example>',
    `To: ${to}`,
    'Subject: Re: your inquiry',
    'Date: Sun, 29 Nov 2026 09:00:00 +0000',
    ...(messageId ? [`Message-ID: ${messageId}`] : []),
    '',
    text,
    '',
  ].join('\r\n');

/** The demo site's rep, Mr. Moore Liu, who gets every inquiry. */
async function mooreId(): Promise<string> {
  const moore = await t.store.findRepByEmail('moore.liu@example.com');
  if (!moore) throw new Error('the demo rep is not seeded');
  return moore.id;
}

/** Mr. Moore Liu's raw reply token on an inquiry. */
async function repToken(inquiryId: string): Promise<string> {
  const record = await t.store.findPartyToken(inquiryId, 'rep', await mooreId());
  if (!record) throw new Error('the inquiry has no rep token of Mr. Moore Liu');
  return rawConversationToken(SECRET, record);
}

async function threadBodies(inquiryId: string): Promise<string[]> {
  return (await t.store.listMessages(inquiryId)).map((m) => m.body);
}

/** The follow-up notifications the rep got for `text`, after the outbox has run. */
async function repMailsAbout(text: string): Promise<number> {
  await mail.worker.runOnce();
  return mail.sink.mails.filter(
    (m) => addressOf(m.to) === 'moore.liu@example.com' && (m.text ?? '').includes(text),
  ).length;
}

describe('follow-ups by mail', () => {
  it("count against the conversation's limit as the widget's do: past it, try again later", async () => {
    messagesPerMinute = 2;
    const { id, token } = await sendInquiry(t);
    const to = replyAddress(token, DOMAIN);
    const codes = [];
    for (const n of [1, 2, 3]) {
      codes.push(await deliver(to, message(to, `Follow-up ${n}.`, `<flood-${n}@buyer.example>`)));
    }
    expect(codes).toEqual([250, 250, 451]);
    expect(await threadBodies(id)).not.toContain('Follow-up 3.');
    expect(await repMailsAbout('Follow-up 3.')).toBe(0);
    // A minute on, the sending server's retry is taken.
    t.now.value = new Date(t.now.value.getTime() + 61_000);
    expect(await deliver(to, message(to, 'Follow-up 3.', '<flood-3@buyer.example>'))).toBe(250);
    expect(await threadBodies(id)).toContain('Follow-up 3.');
  });

  it("leave the rep's mailed replies alone", async () => {
    messagesPerMinute = 1;
    const { id } = await sendInquiry(t);
    const to = replyAddress(await repToken(id), DOMAIN);
    for (const n of [1, 2, 3]) {
      expect(await deliver(to, message(to, `Answer ${n}.`, `<answer-${n}@acme.example>`))).toBe(
        250,
      );
    }
  });
});

describe('a mail delivered again', () => {
  it('is stored once and notifies the rep once, by its Message-ID', async () => {
    const { id, token } = await sendInquiry(t);
    const to = replyAddress(token, DOMAIN);
    const copy = message(to, 'Can you do USD 11 for 1000 pieces?', '<follow-up-1@buyer.example>');
    expect(await deliver(to, copy)).toBe(250);
    const once = await rowCounts(t.db);
    // The sending server never saw our 250 and delivers the same mail again.
    expect(await deliver(to, copy)).toBe(250);
    expect(await rowCounts(t.db)).toEqual(once);
    expect(
      (await threadBodies(id)).filter((b) => b === 'Can you do USD 11 for 1000 pieces?'),
    ).toHaveLength(1);
    expect(await repMailsAbout('Can you do USD 11 for 1000 pieces?')).toBe(1);
  });

  it('is stored once from the rep too, and mailed on to the visitor once', async () => {
    const { id } = await sendInquiry(t);
    const to = replyAddress(await repToken(id), DOMAIN);
    const copy = message(to, 'USD 12.50 FOB, Jane.', '<answer-1@acme.example>');
    expect(await deliver(to, copy)).toBe(250);
    expect(await deliver(to, copy)).toBe(250);
    expect((await threadBodies(id)).filter((b) => b === 'USD 12.50 FOB, Jane.')).toHaveLength(1);
    await mail.worker.runOnce();
    const toJane = mail.sink.mails.filter(
      (m) => addressOf(m.to) === 'jane@buyer.example' && (m.text ?? '').includes('USD 12.50 FOB'),
    );
    expect(toJane).toHaveLength(1);
  });

  it('is stored once when both copies arrive at the same moment', async () => {
    const { id, token } = await sendInquiry(t);
    const to = replyAddress(token, DOMAIN);
    const copy = message(to, 'Two at once.', '<race-1@buyer.example>');
    expect(await Promise.all([deliver(to, copy), deliver(to, copy)])).toEqual([250, 250]);
    expect((await threadBodies(id)).filter((b) => b === 'Two at once.')).toHaveLength(1);
    expect(await repMailsAbout('Two at once.')).toBe(1);
  });

  it('is stored each time when it has no Message-ID, as there is nothing to know it by', async () => {
    const { id, token } = await sendInquiry(t);
    const to = replyAddress(token, DOMAIN);
    const copy = message(to, 'No Message-ID here.', null);
    expect(await deliver(to, copy)).toBe(250);
    expect(await deliver(to, copy)).toBe(250);
    expect((await threadBodies(id)).filter((b) => b === 'No Message-ID here.')).toHaveLength(2);
  });

  it('is a new mail when it says something else under a Message-ID used before', async () => {
    const { id, token } = await sendInquiry(t);
    const to = replyAddress(token, DOMAIN);
    // Some clients put the same (or an empty) Message-ID on every mail.
    expect(await deliver(to, message(to, 'First answer.', '<same@buyer.example>'))).toBe(250);
    expect(await deliver(to, message(to, 'Second answer.', '<same@buyer.example>'))).toBe(250);
    const bodies = await threadBodies(id);
    expect(bodies.filter((b) => b === 'First answer.' || b === 'Second answer.')).toEqual([
      'First answer.',
      'Second answer.',
    ]);
  });

  it('counts in each thread it is addressed to: the Message-ID is known per inquiry', async () => {
    const first = await sendInquiry(t);
    const second = await sendInquiry(t);
    const text = 'Same answer to both of your quotes.';
    for (const { token } of [first, second]) {
      const to = replyAddress(token, DOMAIN);
      expect(await deliver(to, message(to, text, '<both@buyer.example>'))).toBe(250);
    }
    expect((await threadBodies(first.id)).filter((b) => b === text)).toHaveLength(1);
    expect((await threadBodies(second.id)).filter((b) => b === text)).toHaveLength(1);
  });
});

describe('a mail that can never be taken', () => {
  it.each([
    [
      'who was deactivated',
      (repId: string) => t.store.updateRep(repId, { active: false }),
      /^550 5\.7\.1 Your account is deactivated/,
    ],
    [
      'whose inquiry went back to the queue, the token still live',
      (repId: string, inquiryId: string) => t.store.updateInquiry(inquiryId, { repId: null }),
      /^550 5\.7\.1 The inquiry is no longer assigned to you/,
    ],
  ])('is refused for good (550) from a rep %s, not 451 for days', async (_name, change, text) => {
    const { id } = await sendInquiry(t);
    const token = await repToken(id);
    await change(await mooreId(), id);
    const before = await rowCounts(t.db);
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port, ignoreTLS: true });
    const sent = transport.sendMail({
      from: 'moore.liu@example.com',
      to: replyAddress(token, DOMAIN),
      text: 'Still answering.',
    });
    await expect(sent).rejects.toMatchObject({
      responseCode: 550,
      response: expect.stringMatching(text),
    });
    transport.close();
    expect(await rowCounts(t.db)).toEqual(before);
  });

  it('is refused for good (550) when its reply address is revoked while it arrives', async () => {
    const { token } = await sendInquiry(t);
    const record = await resolveConversationToken(t.store, token);
    if (!record) throw new Error('no visitor token');
    const to = replyAddress(token, DOMAIN);
    const smtp = await openSmtp(port);
    raw.push(smtp);
    expect(await smtp.reply()).toBe(220);
    for (const command of [
      'EHLO mx.buyer.example',
      'MAIL FROM:<jane@buyer.example>',
      `RCPT TO:<${to}>`,
    ]) {
      smtp.send(`${command}\r\n`);
      expect(await smtp.reply()).toBe(250);
    }
    // Reassigned, or deleted with its inquiry, after RCPT TO said yes.
    await t.store.revokeConversationToken(record.id, t.now.value.toISOString());
    smtp.send('DATA\r\n');
    expect(await smtp.reply()).toBe(354);
    smtp.send(`${message(to, 'Hello?', '<late@buyer.example>')}.\r\n`);
    expect(await smtp.reply()).toBe(550);
    smtp.close();
  });
});
