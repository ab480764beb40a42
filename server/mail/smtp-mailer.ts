import nodemailer from 'nodemailer';
import type { Mailer } from './mailer';

export interface SmtpMailerOptions {
  /** smtp://user:pass@host:port or smtps://... */
  url: string;
  /** The From header, e.g. `Liaison <liaison@example.com>`. */
  from: string;
}

/** A Mailer that sends through an SMTP server with nodemailer. */
export function createSmtpMailer({ url, from }: SmtpMailerOptions): Mailer & { close(): void } {
  const transport = nodemailer.createTransport(url);
  // "Name <address>" or a bare address: the address part is what every mail is sent from.
  const fromAddress = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return {
    async send(mail) {
      // nodemailer encodes names and subjects (RFC 2047) and refuses line breaks in
      // addresses, so visitor input cannot add a header here.
      await transport.sendMail({
        from: mail.fromName ? { name: mail.fromName, address: fromAddress } : from,
        to: mail.to,
        replyTo: mail.replyTo,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
      });
    },
    close() {
      transport.close();
    },
  };
}
