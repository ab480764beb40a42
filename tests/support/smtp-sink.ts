import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on a loopback port that keeps every mail it receives, parsed. */
export interface SmtpSink {
  url: string;
  port: number;
  mails: ParsedMail[];
  /**
   * Errors the server reported, kept rather than thrown: a client that vanishes in the middle
   * of a mail (a server process killed by a test) is a reset socket here, not a failed run.
   */
  errors: Error[];
  /** Resolves with the first mail (received so far or later) that `match` accepts. */
  waitFor(match: (mail: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
  close(): Promise<void>;
}

/** Starts a sink on `port` (0: any free port). */
export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  const mails: ParsedMail[] = [];
  const errors: Error[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    // The package's built-in certificate has expired: plain SMTP on loopback only.
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onData(stream, _session, done) {
      simpleParser(stream)
        .then((mail) => {
          mails.push(mail);
          for (const wake of waiters) wake();
          done();
        })
        .catch((err: Error) => done(err));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // smtp-server reports a socket error inside a mail transaction as an 'error' event; without
  // a listener for good, the second such error would be uncaught and fail the whole run.
  server.on('error', (err: Error) => errors.push(err));
  const actual = (server.server.address() as AddressInfo).port;

  return {
    url: `smtp://127.0.0.1:${actual}`,
    port: actual,
    mails,
    errors,
    waitFor(match, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = mails.find(match);
          if (!found) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching mail within ${timeoutMs} ms (${mails.length} received)`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The plain address of a parsed address header, e.g. To or Reply-To. */
export function addressOf(field: ParsedMail['to'] | ParsedMail['replyTo']): string | undefined {
  const first = Array.isArray(field) ? field[0] : field;
  return first?.value[0]?.address;
}
