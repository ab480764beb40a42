import type { Mailer } from '../mail/mailer';
import type { Store } from '../storage/store';
import { rawConversationToken } from './conversation-tokens';

/** What every mail-sending delivery handler needs. */
export interface MailContext {
  store: Store;
  mailer: Mailer;
  secret: string;
  publicUrl: string;
  /** Reply addresses' domain when the inbound receiver runs; null: replies go to people directly. */
  inboundDomain: string | null;
  /** The server's clock (the outbox worker's; tests move it). */
  clock: () => Date;
}

/** A stable Message-ID for a delivery: a resend after a crash is the same message. */
export function messageIdFor(ctx: MailContext, deliveryId: string): string {
  return `<${deliveryId}@${new URL(ctx.publicUrl).hostname}>`;
}

/** `reply+TOKEN@domain` for a token record, or null when there is no inbound receiver. */
export function replyAddressFor(ctx: MailContext, record: { id: string } | null): string | null {
  if (!ctx.inboundDomain || !record) return null;
  return `reply+${rawConversationToken(ctx.secret, record)}@${ctx.inboundDomain}`;
}

/** Reads a string field of a delivery payload, or throws (the row is then retried, then failed). */
export function payloadString(payload: Record<string, unknown>, key: string): string {
  const value = payload[key];
  if (typeof value !== 'string') throw new Error(`delivery payload lacks ${key}`);
  return value;
}
