import { connect, type Socket } from 'node:net';

// A plain SMTP client for tests that must send what no well-behaved client would: bare
// commands on a raw socket, odd addresses, and messages cut off halfway.

export interface SmtpClient {
  send(text: string): void;
  /** The next reply's code; 0 once the server has hung up. */
  reply(): Promise<number>;
  readonly closed: boolean;
  close(): void;
  abort(): void;
  /** Hangs up with a TCP reset, as the kernel does for a process killed mid-mail. */
  reset(): void;
}

/** A plain SMTP client on a raw socket: sends exactly what it is given, reads reply codes. */
export async function openSmtp(port: number): Promise<SmtpClient> {
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
    reset: () => socket.resetAndDestroy(),
  };
}

export interface Envelope {
  from: string;
  to: string[];
  data: string;
  /** Hang up halfway through the message instead of ending it. */
  abort: boolean;
}

/** SMTP transactions over one session, opened on first use and again after a hang-up. */
export interface SmtpSessions {
  /** One SMTP transaction; the code the message itself got (null when it never got that far). */
  deliver(envelope: Envelope): Promise<number | null>;
  close(): void;
}

// smtp-server waits 100 ms before its greeting (to catch clients that talk too soon), so runs
// share one session, each starting with RSET, and reconnect only after a hang-up.
export function smtpSessions({ port }: { port: number }): SmtpSessions {
  let session: SmtpClient | null = null;
  async function smtpSession(): Promise<SmtpClient> {
    if (session && !session.closed) return session;
    session = await openSmtp(port);
    await session.reply();
    session.send('EHLO fuzz.test\r\n');
    await session.reply();
    return session;
  }

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

  return { deliver, close: () => session?.close() };
}
