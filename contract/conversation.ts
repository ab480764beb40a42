import * as z from 'zod/mini';
import { MESSAGE_MAX } from './inquiry';

/**
 * A follow-up in a conversation: `POST /api/v1/conversations/{token}/messages` (visitor) and,
 * with `kind`, `POST /api/inbox/inquiries/{id}/messages` (rep).
 */
export const MessageInput = z.strictObject({
  body: z.string().check(z.trim(), z.minLength(1), z.maxLength(MESSAGE_MAX)),
});
export type MessageInput = z.input<typeof MessageInput>;

/** Who wrote a message, as the visitor sees it; internal notes never reach the visitor. */
export type VisitorMessageAuthor = 'visitor' | 'rep' | 'system';

/** One message of the visitor's thread. */
export interface ThreadMessage {
  id: string;
  author: VisitorMessageAuthor;
  /** The rep's name on rep messages; null otherwise. */
  authorName: string | null;
  body: string;
  createdAt: string;
}

/** The visitor's view of one inquiry: `GET /api/v1/conversations/{token}`. */
export interface Conversation {
  inquiryId: string;
  site: { name: string };
  rep: { name: string; title: string | null; photoUrl: string | null } | null;
  products: Array<{ name: string; sku?: string }>;
  messages: ThreadMessage[];
}

/** The 201 answer to a follow-up. */
export interface MessageCreated {
  message: ThreadMessage;
}
