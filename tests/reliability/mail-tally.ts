import type { ParsedMail } from 'mailparser';
import { addressOf } from '../support/smtp-sink';

/** The demo site's only rep: every rep notification goes to him. */
export const DEMO_REP = 'moore.liu@example.com';

/** Copies received per Message-ID, for one inquiry (or one visitor). */
export type Copies = Map<string, number>;

/**
 * Groups mails by `keyOf` (null: not counted) and counts copies per Message-ID. The outbox
 * may resend a mail after a crash between send and mark, always with the same Message-ID, so
 * "delivered exactly once" means exactly one distinct Message-ID per key.
 */
export function tallyMails(
  mails: readonly ParsedMail[],
  keyOf: (mail: ParsedMail) => string | null,
): Map<string, Copies> {
  const tally = new Map<string, Copies>();
  for (const mail of mails) {
    const key = keyOf(mail);
    if (key === null) continue;
    const copies = tally.get(key) ?? new Map<string, number>();
    // A mail without a Message-ID would be a bug; count it under a marker so it shows.
    const messageId = mail.messageId ?? '(none)';
    copies.set(messageId, (copies.get(messageId) ?? 0) + 1);
    tally.set(key, copies);
  }
  return tally;
}

/** A rep notification's inquiry id, from its inbox link; null for any other mail. */
export function repNotificationInquiry(mail: ParsedMail): string | null {
  if (addressOf(mail.to) !== DEMO_REP) return null;
  return /\/inbox\/inquiries\/([^\s/]+)/.exec(mail.text ?? '')?.[1] ?? null;
}

/** The visitor address a rep notification names in its "Email: <address>" line. */
export function repNotificationVisitor(mail: ParsedMail): string | null {
  if (addressOf(mail.to) !== DEMO_REP) return null;
  return /^Email: (\S+)$/m.exec(mail.text ?? '')?.[1] ?? null;
}

/** An acknowledgement's conversation token, from its /c/{token} link; null for other mail. */
export function acknowledgementToken(mail: ParsedMail): string | null {
  if (addressOf(mail.to) === DEMO_REP) return null;
  return /\/c\/([A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1] ?? null;
}

/** Copies beyond the first of each Message-ID: resends of a mail already delivered. */
export function resendCount(tally: Map<string, Copies>): number {
  let extra = 0;
  for (const copies of tally.values()) for (const n of copies.values()) extra += n - 1;
  return extra;
}

/** Keys whose mail came under more than one Message-ID: real duplicates. */
export function duplicatedKeys(tally: Map<string, Copies>): string[] {
  return [...tally].filter(([, copies]) => copies.size > 1).map(([key]) => key);
}
