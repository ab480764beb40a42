import { connect, type Socket } from 'node:net';
import fc from 'fast-check';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLiveReplyToken, receiveInboundReply } from '../../server/domain/inbound-reply';
import { rawConversationToken } from '../../server/domain/conversation-tokens';
import { createInboundServer, type InboundServer } from '../../server/mail/inbound-server';
import { countsDelta, hostileText, NOTHING, storedCounts } from '../support/fuzz';
import { sendInquiry } from '../support/inbox-client';
import { createTestApp, SECRET, type TestApp } from '../support/test-app';

// Random and hostile mail to the real SMTP receiver, wired to the real domain functions as in
// server/main.ts (issue: "Fuzzing"). The receiver runs in this process: a crash ends the test.

const DOMAIN = 'reply.liaison.test';
const MAX_BYTES = 256 * 1024;

let t: TestApp;
let inbound: InboundServer;
let port: number;
let visitorToken: string;
let repToken: string;
// What the receiver reported as unexpected (it answers those 451): none may happen.
const errors: Error[] = [];
// What it reports when a client hangs up in the middle of a message: expected after an abort.
let hangUps = 0;
const isHangUp = (error: Error) => Reflect.get(error, 'code') === 'ECONNECTION';

/** Waits (briefly) until the receiver has noticed our hang-up; it reports it asynchronously. */
async function hangUpNoticed(): Promise<void> {
  const seen = hangUps;
  for (let i = 0; i < 50 && hangUps === seen; i++) await new Promise((r) => setTimeout(r, 10));
}

beforeAll(async () => {
  t = await createTestApp();
  visitorToken = (await sendInquiry(t)).token;
  const rep = await t.db
    .selectFrom('conversationTokens')
    .select('id')
    .where('party', '=', 'rep')
    .executeTakeFirstOrThrow();
  repToken = rawConversationToken(SECRET, rep);
  const deps = { store: t.store, clock: () => t.now.value, newId: t.newId, events: t.events };
  inbound = createInboundServer({
    port: 0,
    domain: DOMAIN,
    maxBytes: MAX_BYTES,
    isKnownToken: (token) => isLiveReplyToken(deps, token),
    onReply: (reply) => receiveInboundReply(deps, reply),
    onError: (error) => {
      if (isHangUp(error)) hangUps++;
      else errors.push(error);
    },
  });
  port = await inbound.listen();
});
afterAll(async () => {
  await inbound.close();
  await t.close();
});

interface SmtpClient {
  send(text: string): void;
  /** The next reply's code; 0 once the server has hung up. */
  reply(): Promise<number>;
  readonly closed: boolean;
  close(): void;
  abort(): void;
}

/** A plain SMTP client on a raw socket: sends exactly what it is given, reads reply codes. */
async function openSmtp(): Promise<SmtpClient> {
  const socket: Socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  let buffer = '';
  let closed = false;
  const codes: number[] = [];
  let wake: (() => void) | null = null;
  socket.setEncoding('latin1');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    // A reply ends with a line "NNN text" (a space, not a dash, after the code).
    for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (/^\d{3}( |$)/.test(line)) codes.push(Number(line.slice(0, 3)));
    }
    wake?.();
  });
  // The server may hang up (e.g. after too many bad commands): pending replies read as 0.
  socket.on('close', () => {
    closed = true;
    wake?.();
  });
  socket.on('error', () => {
    // A reset after our own abort() is expected; 'close' follows and ends every wait.
  });
  return {
    send: (text) => {
      if (!closed) socket.write(Buffer.from(text, 'utf8'));
    },
    reply: async () => {
      const deadline = Date.now() + 10_000;
      while (codes.length === 0 && !closed) {
        if (Date.now() > deadline) throw new Error('no SMTP reply within 10 s');
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 200);
        });
      }
      return codes.shift() ?? 0;
    },
    get closed() {
      return closed;
    },
    close: () => socket.end(),
    abort: () => socket.destroy(),
  };
}

// smtp-server waits 100 ms before its greeting (to catch clients that talk too soon), so runs
// share one session, each starting with RSET, and reconnect only after a hang-up.
let session: SmtpClient | null = null;
async function smtpSession(): Promise<SmtpClient> {
  if (session && !session.closed) return session;
  session = await openSmtp();
  await session.reply();
  session.send('EHLO fuzz.test\r\n');
  await session.reply();
  return session;
}
afterAll(() => session?.close());

interface Envelope {
  from: string;
  to: string[];
  data: string;
  /** Hang up halfway through the message instead of ending it. */
  abort: boolean;
}

/** One SMTP transaction; the code the message itself got (null when it never got that far). */
async function deliver({ from, to, data, abort }: Envelope): Promise<number | null> {
  const smtp = await smtpSession();
  smtp.send('RSET\r\n');
  await smtp.reply();
  smtp.send(`MAIL FROM:${from}\r\n`);
  if ((await smtp.reply()) !== 250) return null;
  let accepted = 0;
  for (const rcpt of to) {
    smtp.send(`RCPT TO:${rcpt}\r\n`);
    if ((await smtp.reply()) === 250) accepted++;
  }
  if (accepted === 0) return null;
  smtp.send('DATA\r\n');
  if ((await smtp.reply()) !== 354) return null;
  // RFC 5321 §4.5.2: a line starting with a dot gets another, so only ours ends the message.
  const stuffed = data.replace(/(^|\n)\./g, '$1..');
  if (abort) {
    smtp.send(stuffed.slice(0, Math.ceil(stuffed.length / 2)));
    smtp.abort();
    return null;
  }
  smtp.send(`${stuffed}${stuffed.endsWith('\r\n') ? '' : '\r\n'}.\r\n`);
  return smtp.reply();
}

const noLineBreaks = (s: string) => s.replace(/[\r\n]/g, ' ');

const token = fc.oneof(
  { arbitrary: fc.constant('').map(() => visitorToken), weight: 4 },
  { arbitrary: fc.constant('').map(() => repToken), weight: 2 },
  { arbitrary: fc.constant('').map(() => visitorToken.toUpperCase()), weight: 1 },
  { arbitrary: fc.stringMatching(/^[a-z2-7]{26}$/), weight: 2 },
  {
    arbitrary: fc.constantFrom('', 'a'.repeat(26), `${'2'.repeat(25)}1`, 'x'.repeat(300)),
    weight: 1,
  },
);
const domain = fc.oneof(
  { arbitrary: fc.constant(DOMAIN), weight: 12 },
  {
    arbitrary: fc.constantFrom(
      DOMAIN.toUpperCase(),
      `${DOMAIN}.`,
      `evil.${DOMAIN}`,
      'liaison.test',
      `[127.0.0.1]`,
    ),
    weight: 1,
  },
);
const recipient = fc.oneof(
  { arbitrary: fc.tuple(token, domain).map(([tok, d]) => `<reply+${tok}@${d}>`), weight: 12 },
  {
    // Odd but parseable forms of a reply address: quoted, with parameters, source routes.
    arbitrary: fc
      .tuple(token, hostileText(2), fc.nat({ max: 8 }))
      .map(
        ([tok, s, i]) =>
          [
            `<"reply+${tok}"@${DOMAIN}>`,
            `<reply+${tok}@${DOMAIN}> SIZE=1`,
            `reply+${tok}@${DOMAIN}`,
            `<reply+${tok}+x@${DOMAIN}>`,
            `<reply+${tok}@${DOMAIN}@${DOMAIN}>`,
            `<@relay.example:reply+${tok}@${DOMAIN}>`,
            `<postmaster>`,
            `<>`,
            `<${noLineBreaks(s)}@${DOMAIN}>`,
          ][i] ?? '<>',
      ),
    weight: 2,
  },
  { arbitrary: hostileText(3).map((s) => `<${noLineBreaks(s)}>`), weight: 1 },
);
const sender = fc.oneof(
  { arbitrary: fc.constant('<anna@buyer.example>'), weight: 12 },
  {
    arbitrary: fc.constantFrom(
      '<>',
      'anna@buyer.example',
      '<a@b> BODY=8BITMIME',
      '<a@b> SIZE=999999999',
    ),
    weight: 2,
  },
  { arbitrary: hostileText(3).map((s) => `<${noLineBreaks(s)}>`), weight: 1 },
);

// Header values that have broken mail parsers: bad encoded words, unknown charsets, folding,
// injected headers and lines far longer than RFC 5322 allows.
const headerValue = fc.oneof(
  hostileText(4),
  fc.constantFrom(
    '=?utf-8?B?broken?=',
    '=?UTF-8?Q?=E0=A4?=',
    '=?x-unknown?B?AAAA?=',
    '=?utf-8?Q?a?= =?utf-8?B?==?=',
    'a\r\n\tfolded',
    'a\r\nBcc: victim@example.com',
    'a\nTo: reply+aaaaaaaaaaaaaaaaaaaaaaaaaa@reply.liaison.test',
    'a\rX-Injected: 1',
    '',
    '<>',
    'Anna <anna@buyer.example>, <>, "x" <@>',
    '"' + 'q'.repeat(3000) + '" <a@b>',
  ),
  fc.integer({ min: 1_000, max: 300_000 }).map((n) => 'h'.repeat(n)),
);
const header = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(
        'From',
        'To',
        'Subject',
        'Message-ID',
        'In-Reply-To',
        'Date',
        'Auto-Submitted',
        'Precedence',
        'X-Autoreply',
        'Content-Type',
        'Content-Transfer-Encoding',
        'MIME-Version',
      ),
      headerValue,
    )
    .map(([name, value]) => `${name}: ${value}`),
  fc.constantFrom(
    'Content-Type: multipart/alternative; boundary="b1"',
    'Content-Type: multipart/mixed; boundary=',
    'Content-Type: text/plain; charset=x-unknown',
    'Content-Type: text/plain; charset=utf-7',
    'Content-Type: text/html; charset=utf-16',
    'Content-Type: message/rfc822',
    'Content-Transfer-Encoding: base64',
    'Content-Transfer-Encoding: quoted-printable',
    'Content-Transfer-Encoding: x-uuencode',
    'Auto-Submitted: no',
    'Auto-Submitted: auto-replied; owner-email=x',
    'Precedence: bulk',
    'no colon in this header line',
    ': empty name',
    ' leading continuation',
  ),
  fc.tuple(hostileText(2), hostileText(3)).map(([name, value]) => `${name}: ${value}`),
);
const bodyText = fc.oneof(
  hostileText(8),
  fc.constantFrom(
    '',
    '> only quoted\n> text',
    'Yes, 500 pieces.\n\nOn Mon, Jun 3, 2024 at 10:02 AM Moore <m@x> wrote:\n> quote',
    '-- \nsignature only',
    '.\r\n..\r\n.',
    '--b1\r\nContent-Type: text/plain\r\n\r\npart one\r\n--b1\r\nContent-Type: text/html\r\n\r\n<p>two',
    '--b1--\r\n--b1\r\n\r\n',
    'PGh0bWw+=====\r\n!!!not base64',
    '=ZZ=\r\n=0D=0A=\r\nsoft=\r\n',
    '<html><script>alert(1)</script><style>*{}</style>&#0;&#xD800;&#1114112;&bogus;</html>',
    'begin 644 x\r\n`\r\nend',
  ),
  fc.integer({ min: 1, max: 20_000 }).map((n) => '<div>'.repeat(n)),
  fc.integer({ min: 50_000, max: 400_000 }).map((n) => `Catalogue: ${'x'.repeat(n)}`),
);
const message = fc
  .record({
    headers: fc.array(header, { maxLength: 8 }),
    many: fc.option(fc.integer({ min: 100, max: 3_000 }), { freq: 10 }),
    separator: fc.constantFrom('\r\n\r\n', '\r\n\r\n', '\r\n\r\n', '\n\n', '\r\n', ''),
    body: bodyText,
    lineEnd: fc.constantFrom('\r\n', '\r\n', '\n'),
  })
  .map(({ headers, many, separator, body, lineEnd }) => {
    const lines = [...headers, ...Array.from({ length: many ?? 0 }, (_, i) => `X-Many-${i}: v`)];
    return `${lines.join(lineEnd)}${separator}${body}`.replace(/\r?\n/g, lineEnd);
  });

describe('fuzzing the inbound SMTP receiver', () => {
  it('stays up, refuses without storing, and stores at most one message per accepted mail', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          from: sender,
          to: fc.array(recipient, { minLength: 1, maxLength: 3 }),
          data: message,
          abort: fc.oneof(
            { arbitrary: fc.constant(false), weight: 9 },
            { arbitrary: fc.constant(true), weight: 1 },
          ),
        }),
        async (envelope) => {
          const before = await storedCounts(t.db);
          const code = await deliver(envelope);
          const delta = countsDelta(before, await storedCounts(t.db));
          if (envelope.abort) await hangUpNoticed();
          expect(errors).toEqual([]);
          expect(code, 'a 451 means an unexpected failure').not.toBe(451);
          if (code === 250) {
            expect(delta).toMatchObject({ ...NOTHING, messages: 1, deliveries: 1 });
          } else {
            expect(delta).toEqual(NOTHING);
          }
        },
      ),
      { numRuns: 200 },
    );

    // Still serving: a plain reply goes through and is stored.
    const before = await storedCounts(t.db);
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port, ignoreTLS: true });
    try {
      await transport.sendMail({
        from: 'anna@buyer.example',
        to: `reply+${visitorToken}@${DOMAIN}`,
        subject: 'Re: Your inquiry',
        text: 'Still there?',
      });
    } finally {
      transport.close();
    }
    expect(countsDelta(before, await storedCounts(t.db)).messages).toBe(1);
  });
});
