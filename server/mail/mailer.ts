/** One outgoing mail, already rendered. Addresses are plain; the transport encodes them. */
export interface OutgoingMail {
  /** Stable per delivery, so a resend after a crash is recognisable as the same mail. */
  messageId: string;
  /** Display name for the From header; the address is always the configured MAIL_FROM's. */
  fromName?: string;
  to: Address;
  replyTo?: Address;
  subject: string;
  text: string;
  html: string;
}

export interface Address {
  name?: string;
  address: string;
}

/**
 * The receiving server refused the recipient for good (an SMTP 5xx to RCPT TO: no such
 * mailbox): sending again cannot mend it, so the outbox gives up at once.
 */
export class RecipientRefused extends Error {
  override name = 'RecipientRefused';
  readonly permanent = true;
}

/** The only mail seam the domain knows; the SMTP transport and tests implement it. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}
