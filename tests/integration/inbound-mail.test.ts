import { connect } from 'node:net';
import type Mail from 'nodemailer/lib/mailer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInboundServer, type InboundReply } from '../../server/mail/inbound-server';
import { replyAddress } from '../../server/mail/reply-address';
import { mailToReceiver } from '../support/inbound-receiver';

const DOMAIN = 'in.liaison.example';
const LIVE = 'k7m2q4x6z3b5d7f2h4j6l3n5p7';
const MAX_BYTES = 64 * 1024;

// The receiver on a loopback port with an in-memory token set, and real mail from nodemailer.
let tokens: Set<string>;
let replies: InboundReply[];
let failStore: boolean;
let errors: Error[];
let port: number;
let close: () => Promise<void>;

beforeEach(async () => {
  tokens = new Set([LIVE]);
  replies = [];
  failStore = false;
  errors = [];
  const server = createInboundServer({
    port: 0,
    domain: DOMAIN,
    maxBytes: MAX_BYTES,
    isKnownToken: async (token) => tokens.has(token),
    onReply: async (reply) => {
      if (failStore) throw new Error('SQLITE_BUSY: database is locked');
      replies.push(reply);
    },
    onError: (error) => errors.push(error),
  });
  port = await server.listen();
  close = () => server.close();
});
afterEach(() => close());

describe('stopping', () => {
  it('ends a session left open once its close timeout is over', async () => {
    const server = createInboundServer({
      port: 0,
      domain: DOMAIN,
      closeTimeoutMs: 100,
      isKnownToken: async () => true,
      onReply: async () => {},
    });
    const at = await server.listen();
    // A sender that connected and says nothing more.
    const socket = connect(at, '127.0.0.1');
    await new Promise((resolve) => socket.once('data', resolve));
    const ended = new Promise((resolve) => socket.once('close', resolve));
    await server.close();
    await ended;
  });
});

const send = (mail: Mail.Options): Promise<void> =>
  mailToReceiver(port, {
    from: 'Anna Li <anna@example.com>',
    subject: 'Re: Your inquiry',
    ...mail,
  });

// The refusal nodemailer reports, as { responseCode, response }.
async function refusal(mail: Mail.Options): Promise<{ responseCode: unknown; response: unknown }> {
  const error: unknown = await send(mail).then(
    () => {
      throw new Error('the receiver accepted the mail');
    },
    (err: unknown) => err,
  );
  if (!(error instanceof Error)) throw error;
  return {
    responseCode: Reflect.get(error, 'responseCode'),
    response: Reflect.get(error, 'response'),
  };
}

const GMAIL_REPLY = [
  'Yes, 500 pieces by the end of June works for us.',
  '',
  'Anna',
  '',
  'On Mon, Jun 3, 2024 at 10:02 AM Moore Liu <moore@acme.example> wrote:',
  '',
  '> Hello Anna,',
  '> can you confirm the quantity?',
].join('\n');

describe('inbound mail to reply addresses', () => {
  it('delivers a reply to a live token with the quoted history stripped', async () => {
    await send({
      to: replyAddress(LIVE, DOMAIN),
      text: GMAIL_REPLY,
      messageId: '<reply-1@example.com>',
    });
    expect(replies).toEqual([
      {
        token: LIVE,
        from: 'anna@example.com',
        fromName: 'Anna Li',
        subject: 'Re: Your inquiry',
        text: 'Yes, 500 pieces by the end of June works for us.\n\nAnna',
        files: [],
        messageId: '<reply-1@example.com>',
      },
    ]);
  });

  it('keeps the text after a bare -- separator, and cuts a -- signature', async () => {
    const request = [
      'We need three items:',
      '--',
      '500 pcs LED panel 60x60',
      '--',
      'Please quote FOB Shanghai and CIF Hamburg.',
    ].join('\n');
    await send({ to: replyAddress(LIVE, DOMAIN), text: `${request}\n\n-- \nAnna Li` });
    await send({ to: replyAddress(LIVE, DOMAIN), text: 'Confirmed.\n--\nAnna Li\nExample GmbH' });
    expect(replies.map((r) => r.text)).toEqual([request, 'Confirmed.']);
  });

  it('hands over the attached files, but not a body image', async () => {
    const quotation = Buffer.from('%PDF-1.4 quotation');
    await send({
      to: replyAddress(LIVE, DOMAIN),
      text: 'Please find our quotation attached.',
      html: '<p>Please find our quotation attached.</p><img src="cid:logo@acme">',
      attachments: [
        { filename: 'quotation.pdf', content: quotation },
        { filename: 'logo.png', content: Buffer.from('png'), cid: 'logo@acme' },
      ],
    });
    expect(replies.map((r) => [r.text, r.files])).toEqual([
      ['Please find our quotation attached.', [{ filename: 'quotation.pdf', content: quotation }]],
    ]);
    // A file alone is a reply too (the domain keeps it or says it did not).
    await send({
      to: replyAddress(LIVE, DOMAIN),
      text: '',
      attachments: [{ filename: 'drawing.dwg', content: Buffer.from('dwg') }],
    });
    expect(replies[1]?.files).toEqual([{ filename: 'drawing.dwg', content: Buffer.from('dwg') }]);
  });

  it('delivers an HTML-only reply as its visible text', async () => {
    await send({
      to: replyAddress(LIVE, DOMAIN).toUpperCase(),
      html:
        '<p>Please quote in <b>EUR</b>.</p><div class="gmail_quote">On Mon, Jun 3, 2024 at 10:02 AM ' +
        'Moore Liu &lt;moore@acme.example&gt; wrote:<blockquote>Which currency?</blockquote></div>',
    });
    expect(replies.map((r) => r.text)).toEqual(['Please quote in EUR.']);
  });

  it.each([
    ['an unknown token', `reply+${'a'.repeat(26)}@${DOMAIN}`],
    ['a forged token of the right shape', replyAddress('q2w3e4r5t6y7u2i3o4p5a6s7d2', DOMAIN)],
    ['a malformed token', `reply+${LIVE}x@${DOMAIN}`],
    ['a foreign domain', replyAddress(LIVE, 'liaison.example')],
  ])('refuses %s with 550 at RCPT TO and stores nothing', async (_name, to) => {
    const { responseCode, response } = await refusal({ to, text: 'Hello' });
    expect(responseCode).toBe(550);
    expect(response).toMatch(/^550 5\.1\.1 /);
    expect(replies).toEqual([]);
  });

  it('refuses a token once it is revoked', async () => {
    tokens.delete(LIVE);
    expect((await refusal({ to: replyAddress(LIVE, DOMAIN), text: 'Hello' })).responseCode).toBe(
      550,
    );
    expect(replies).toEqual([]);
  });

  it('refuses an out-of-office auto-reply', async () => {
    const { responseCode, response } = await refusal({
      to: replyAddress(LIVE, DOMAIN),
      subject: 'Automatic reply: Your inquiry',
      headers: { 'Auto-Submitted': 'auto-replied' },
      text: 'I am out of the office until Monday.',
    });
    expect(responseCode).toBe(550);
    expect(response).toMatch(/Automatic replies/);
    expect(replies).toEqual([]);
  });

  it('refuses a bounce from the null sender', async () => {
    const { responseCode, response } = await refusal({
      envelope: { from: '', to: replyAddress(LIVE, DOMAIN) },
      from: 'Mail Delivery System <mailer-daemon@example.com>',
      text: 'Delivery failed.',
    });
    expect(responseCode).toBe(550);
    expect(response).toMatch(/Bounces/);
    expect(replies).toEqual([]);
  });

  it('answers a store failure with a temporary 451, so the sender retries', async () => {
    failStore = true;
    const { responseCode, response } = await refusal({
      to: replyAddress(LIVE, DOMAIN),
      text: GMAIL_REPLY,
    });
    expect(responseCode).toBe(451);
    expect(response).toMatch(/^451 4\.3\.0 /);
    expect(errors.map((e) => e.message)).toEqual(['SQLITE_BUSY: database is locked']);

    failStore = false;
    await send({ to: replyAddress(LIVE, DOMAIN), text: GMAIL_REPLY });
    expect(replies).toHaveLength(1);
  });

  it('refuses a message over maxBytes', async () => {
    const { responseCode, response } = await refusal({
      to: replyAddress(LIVE, DOMAIN),
      text: `Catalogue attached.\n${'x'.repeat(76)}\n`.repeat(1000),
    });
    expect(responseCode).toBe(552);
    expect(response).toMatch(/^552 5\.3\.4 Message exceeds/);
    expect(replies).toEqual([]);
  });
});
