import { connect, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInboundServer, type InboundOptions, type InboundReply } from './inbound-server';
import { replyAddress } from './reply-address';

const DOMAIN = 'in.liaison.example';
const KNOWN = 'abcdefghijklmnopqrstuvwxyz';
const OTHER = 'zyxwvutsrqponmlkjihgfedcba';

let replies: InboundReply[];
let errors: Error[];
let checked: string[];
let stop: () => Promise<void>;
let port: number;
const sockets = new Set<Socket>();

async function start(overrides: Partial<InboundOptions> = {}): Promise<void> {
  const server = createInboundServer({
    port: 0,
    domain: DOMAIN,
    isKnownToken: async (token) => {
      checked.push(token);
      return token === KNOWN || token === OTHER;
    },
    onReply: async (reply) => {
      replies.push(reply);
    },
    onError: (error) => errors.push(error),
    ...overrides,
  });
  port = await server.listen();
  stop = () => server.close();
}

beforeEach(() => {
  replies = [];
  errors = [];
  checked = [];
});
afterEach(async () => {
  // A failed assertion skips quit(); an open session would hold close() for 30 s.
  for (const socket of sockets) socket.destroy();
  sockets.clear();
  await stop();
});

describe('createInboundServer at RCPT TO', () => {
  beforeEach(() => start());

  it('refuses a foreign domain without asking for the token', async () => {
    const smtp = await dialogue(port);
    await smtp.send('MAIL FROM:<anna@example.com>');
    expect(await smtp.send(`RCPT TO:<reply+${KNOWN}@elsewhere.example>`)).toMatch(/^550 /);
    expect(await smtp.send(`RCPT TO:<anna@${DOMAIN}>`)).toMatch(/^550 /);
    expect(checked).toEqual([]);
    await smtp.quit();
  });

  it('refuses an unknown token, then DATA has no recipient', async () => {
    const smtp = await dialogue(port);
    await smtp.send('MAIL FROM:<anna@example.com>');
    const forged = 'aaaaaaaaaaaaaaaaaaaaaaaaaa';
    expect(await smtp.send(`RCPT TO:<${replyAddress(forged, DOMAIN)}>`)).toBe(
      '550 5.1.1 No such recipient',
    );
    expect(checked).toEqual([forged]);
    expect(await smtp.send('DATA')).toMatch(/^503 /);
    await smtp.quit();
  });

  it('accepts one reply address per message and asks to send the second separately', async () => {
    const smtp = await dialogue(port);
    await smtp.send('MAIL FROM:<anna@example.com>');
    expect(await smtp.send(`RCPT TO:<${replyAddress(KNOWN, DOMAIN)}>`)).toMatch(/^250 /);
    expect(await smtp.send(`RCPT TO:<${replyAddress(KNOWN, DOMAIN.toUpperCase())}>`)).toMatch(
      /^250 /,
    );
    expect(await smtp.send(`RCPT TO:<${replyAddress(OTHER, DOMAIN)}>`)).toMatch(/^452 4\.5\.3 /);
    expect(await smtp.data('Subject: Re: quote\r\n\r\nYes, go ahead.')).toMatch(/^250 /);
    expect(replies.map((r) => r.token)).toEqual([KNOWN]);
    await smtp.quit();
  });

  it('refuses a bounce (null sender) before asking for the token', async () => {
    const smtp = await dialogue(port);
    expect(await smtp.send('MAIL FROM:<>')).toMatch(/^250 /);
    expect(await smtp.send(`RCPT TO:<${replyAddress(KNOWN, DOMAIN)}>`)).toMatch(
      /^550 5\.7\.1 Bounces/,
    );
    expect(checked).toEqual([]);
    await smtp.quit();
  });
});

describe('createInboundServer when the store fails', () => {
  it('answers 451 at RCPT TO when the token cannot be checked, and reports it', async () => {
    await start({ isKnownToken: () => Promise.reject(new Error('database is locked')) });
    const smtp = await dialogue(port);
    await smtp.send('MAIL FROM:<anna@example.com>');
    expect(await smtp.send(`RCPT TO:<${replyAddress(KNOWN, DOMAIN)}>`)).toMatch(/^451 4\.3\.0 /);
    expect(errors.map((e) => e.message)).toEqual(['database is locked']);
    await smtp.quit();
  });

  it('answers 451 at DATA when storing throws synchronously', async () => {
    await start({
      onReply: () => {
        throw new Error('not a promise');
      },
    });
    const smtp = await reachData(port);
    expect(await smtp.data('Subject: x\r\n\r\nHello')).toMatch(/^451 4\.3\.0 /);
    expect(errors.map((e) => e.message)).toEqual(['not a promise']);
    await smtp.quit();
  });
});

describe('createInboundServer at DATA', () => {
  beforeEach(() => start());

  it('builds the reply from headers and the visible text', async () => {
    const smtp = await reachData(port);
    const reply = await smtp.data(
      [
        'From: "Anna Li" <anna@example.com>',
        'Subject: Re: Your inquiry',
        'Message-ID: <r1@example.com>',
        '',
        'Yes, 500 pieces.',
        '',
        'On Mon, Jun 3, 2024 at 10:02 AM Moore Liu <moore@acme.example> wrote:',
        '> How many?',
      ].join('\r\n'),
    );
    expect(reply).toMatch(/^250 /);
    expect(replies).toEqual([
      {
        token: KNOWN,
        from: 'anna@example.com',
        fromName: 'Anna Li',
        subject: 'Re: Your inquiry',
        text: 'Yes, 500 pieces.',
        files: [],
        messageId: '<r1@example.com>',
      },
    ]);
    await smtp.quit();
  });

  it('falls back to the envelope sender when there is no From header', async () => {
    const smtp = await reachData(port, 'visitor@example.org');
    expect(await smtp.data('\r\nJust the body.')).toMatch(/^250 /);
    expect(replies[0]).toMatchObject({
      from: 'visitor@example.org',
      fromName: null,
      subject: '',
      text: 'Just the body.',
      messageId: null,
    });
    await smtp.quit();
  });

  it('reads an HTML-only reply', async () => {
    const smtp = await reachData(port);
    const html = [
      'Content-Type: text/html; charset=utf-8',
      '',
      '<div>Please quote <b>EUR</b>.</div><blockquote>Which currency?</blockquote>',
    ];
    expect(await smtp.data(html.join('\r\n'))).toMatch(/^250 /);
    expect(replies[0]?.text).toBe('Please quote EUR.');
    await smtp.quit();
  });

  it('refuses a reply with nothing above the quote', async () => {
    const smtp = await reachData(port);
    const quoteOnly = '\r\nOn Mon, Jun 3, 2024 at 10:02 AM Moore <m@acme.example> wrote:\r\n> Hi';
    expect(await smtp.data(quoteOnly)).toMatch(/^550 .*Empty reply/);
    expect(replies).toEqual([]);
    await smtp.quit();
  });

  it.each([
    'Auto-Submitted: auto-replied',
    'Auto-Submitted: auto-generated; owner-email="a@example.com"',
    'Precedence: bulk',
    'Precedence: junk',
    'Precedence: list',
    'Precedence: auto_reply',
    'X-Autoreply: yes',
  ])('refuses an automatic message with %s', async (header) => {
    const smtp = await reachData(port);
    const reply = await smtp.data(`${header}\r\nSubject: Out of office\r\n\r\nI am away.`);
    expect(reply).toMatch(/^550 5\.7\.1 Automatic replies/);
    expect(replies).toEqual([]);
    await smtp.quit();
  });

  it('accepts Auto-Submitted: no and an ordinary Precedence', async () => {
    const smtp = await reachData(port);
    expect(await smtp.data('Auto-Submitted: no\r\nPrecedence: normal\r\n\r\nHi')).toMatch(/^250 /);
    expect(replies).toHaveLength(1);
    await smtp.quit();
  });

  it('takes a second message on the same connection', async () => {
    const smtp = await reachData(port);
    expect(await smtp.data('\r\nFirst.')).toMatch(/^250 /);
    await smtp.send('MAIL FROM:<anna@example.com>');
    await smtp.send(`RCPT TO:<${replyAddress(OTHER, DOMAIN)}>`);
    expect(await smtp.data('\r\nSecond.')).toMatch(/^250 /);
    expect(replies.map((r) => [r.token, r.text])).toEqual([
      [KNOWN, 'First.'],
      [OTHER, 'Second.'],
    ]);
    await smtp.quit();
  });
});

describe('createInboundServer size limit', () => {
  it('refuses a message over maxBytes with 552 and stores nothing', async () => {
    await start({ maxBytes: 1024 });
    const smtp = await reachData(port);
    const body = `${'x'.repeat(70)}\r\n`.repeat(40);
    expect(await smtp.data(`Subject: big\r\n\r\n${body}`)).toMatch(/^552 5\.3\.4 /);
    expect(replies).toEqual([]);
    await smtp.quit();
  });

  it('refuses a declared SIZE over maxBytes at MAIL FROM', async () => {
    await start({ maxBytes: 1024 });
    const smtp = await dialogue(port);
    expect(await smtp.send('MAIL FROM:<anna@example.com> SIZE=4096')).toMatch(/^552 /);
    await smtp.quit();
  });
});

interface Dialogue {
  /** Sends one command line; resolves with the (last line of the) reply. */
  send(line: string): Promise<string>;
  /** DATA, the message, the final dot; resolves with the reply to the message. */
  data(message: string): Promise<string>;
  quit(): Promise<void>;
}

// A bare SMTP client, so that each command's reply can be asserted (nodemailer hides them).
async function dialogue(port: number): Promise<Dialogue> {
  const socket: Socket = connect(port, '127.0.0.1');
  sockets.add(socket);
  let buffer = '';
  let waiting: ((line: string) => void) | null = null;
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    // A reply ends with a line "NNN text"; "NNN-text" lines continue it.
    const match = /(^|\r\n)(\d{3} [^\r\n]*)\r\n$/.exec(buffer);
    if (match?.[2] && waiting) {
      const done = waiting;
      waiting = null;
      buffer = '';
      done(match[2]);
    }
  });
  const next = () => new Promise<string>((resolve) => (waiting = resolve));
  const send = (line: string) => {
    const reply = next();
    socket.write(`${line}\r\n`);
    return reply;
  };
  await next();
  await send('EHLO client.example');
  return {
    send,
    async data(message) {
      const go = await send('DATA');
      if (!go.startsWith('354')) return go;
      const stuffed = message.replace(/^\./gm, '..');
      return send(`${stuffed}\r\n.`);
    },
    async quit() {
      await send('QUIT');
      socket.end();
    },
  };
}

async function reachData(port: number, from = 'anna@example.com'): Promise<Dialogue> {
  const smtp = await dialogue(port);
  await smtp.send(`MAIL FROM:<${from}>`);
  const rcpt = await smtp.send(`RCPT TO:<${replyAddress(KNOWN, DOMAIN)}>`);
  if (!rcpt.startsWith('250')) throw new Error(`RCPT refused: ${rcpt}`);
  return smtp;
}
