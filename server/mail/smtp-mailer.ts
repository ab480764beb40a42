import nodemailer from 'nodemailer';
import { RecipientRefused, type Mailer } from './mailer';

export interface SmtpMailerOptions {
  /** smtp://user:pass@host:port or smtps://... */
  url: string;
  /** The From header, e.g. `Liaison <liaison@example.com>`. */
  from: string;
  /** Connection, greeting and socket timeouts (nodemailer's defaults run to minutes). */
  timeoutMs?: number;
  /**
   * How long one whole send may take before it is abandoned and its connection closed;
   * `timeoutMs` unless given. The timeouts above bound one step each, and a server answering
   * every step just in time would otherwise keep a send going past the outbox's lease.
   */
  sendTimeoutMs?: number;
}

/** A Mailer that sends through an SMTP server with nodemailer. */
export function createSmtpMailer({
  url,
  from,
  timeoutMs = 30_000,
  sendTimeoutMs = timeoutMs,
}: SmtpMailerOptions): Mailer & { close(): void } {
  // nodemailer reads `url` like the one-string form, with the timeouts beside it.
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  // "Name <address>" or a bare address: the address part is what every mail is sent from.
  const fromAddress = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return {
    async send(mail) {
      // nodemailer encodes names and subjects (RFC 2047) and refuses line breaks in
      // addresses, so visitor input cannot add a header here.
      const deadline = AbortSignal.timeout(sendTimeoutMs);
      try {
        await transport.sendMail({
          from: mail.fromName ? { name: mail.fromName, address: fromAddress } : from,
          to: mail.to,
          replyTo: mail.replyTo,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: mail.messageId,
          // On abort nodemailer closes this send's connection and rejects: the outbox records
          // a failed attempt while the row is still its own, and retries it later.
          signal: deadline,
        });
      } catch (err) {
        if (deadline.aborted) {
          throw new Error(`SMTP send abandoned after ${sendTimeoutMs} ms`, { cause: err });
        }
        if (refusedForGood(err)) throw new RecipientRefused(String(err), { cause: err });
        // Anything else is tried again. nodemailer marks every 5xx but 503 `permanent`, which
        // the outbox would take as final: a rotated password (535), a sender refused at MAIL
        // FROM or a day's quota (550) then failed every mail for good at its first attempt.
        throw new Error(err instanceof Error ? err.message : String(err), { cause: err });
      }
    },
    close() {
      transport.close();
    },
  };
}

/** nodemailer's error for a 5xx answer to RCPT TO (a 4xx is worth another try later). */
function refusedForGood(err: unknown): boolean {
  const { command, responseCode } = (err ?? {}) as { command?: unknown; responseCode?: unknown };
  return command === 'RCPT TO' && typeof responseCode === 'number' && responseCode >= 500;
}
