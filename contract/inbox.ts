import * as z from 'zod/mini';
import { MESSAGE_MAX } from './inquiry';

// The reps' web inbox: `/api/inbox/*`, called by the inbox app on the server's own origin with
// the session cookie. State-changing calls must carry that origin in `Origin`.

export const PasswordSignIn = z.strictObject({
  email: z.pipe(z.string().check(z.trim(), z.maxLength(254)), z.email()),
  password: z.string().check(z.minLength(1), z.maxLength(200)),
});
export type PasswordSignIn = z.input<typeof PasswordSignIn>;

/** Asks for a one-time sign-in link by mail; always answered 202 (no account enumeration). */
export const LinkRequest = z.strictObject({
  email: z.pipe(z.string().check(z.trim(), z.maxLength(254)), z.email()),
});
export type LinkRequest = z.input<typeof LinkRequest>;

/** Exchanges the token from a sign-in link (kept in the URL fragment) for a session. */
export const LinkSignIn = z.strictObject({
  token: z.string().check(z.minLength(16), z.maxLength(100)),
});
export type LinkSignIn = z.input<typeof LinkSignIn>;

export const ROLES = ['rep', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** `GET /api/inbox/me`: who is signed in. 401 UNAUTHENTICATED when nobody is. */
export interface Me {
  id: string;
  name: string;
  email: string;
  role: Role;
  site: { key: string; name: string };
}

export const STATUSES = ['new', 'open', 'waiting', 'closed', 'spam'] as const;
export type Status = (typeof STATUSES)[number];

/**
 * `GET /api/inbox/inquiries?status=&q=&cursor=&limit=`: the rep's own inquiries (an admin's:
 * the whole site), those awaiting a reply first, then newest activity first.
 */
export const InquiryListQuery = z.strictObject({
  status: z.optional(z.enum(STATUSES)),
  q: z.optional(z.string().check(z.trim(), z.maxLength(200))),
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z.optional(z.string().check(z.regex(/^\d{1,3}$/))),
});
export type InquiryListQuery = z.input<typeof InquiryListQuery>;

/** `GET /api/inbox/inquiries/export.csv`: the list's filters, every matching inquiry. */
export const InquiryExportQuery = z.strictObject({
  status: z.optional(z.enum(STATUSES)),
  q: z.optional(z.string().check(z.trim(), z.maxLength(200))),
});
export type InquiryExportQuery = z.input<typeof InquiryExportQuery>;

/** One row of the inbox list. */
export interface InquirySummary {
  id: string;
  status: Status;
  /** The visitor wrote something the rep has not opened yet. */
  unread: boolean;
  /** The last message is the visitor's: the ball is with the rep. */
  awaitingReply: boolean;
  visitor: { name: string | null; email: string; company: string | null; country: string | null };
  product: string | null;
  /** The first words of the first message. */
  preview: string;
  rep: { id: string; name: string } | null;
  createdAt: string;
  lastActivityAt: string;
}

export interface InquiryPage {
  items: InquirySummary[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  /** Inquiries in the rep's scope with unread visitor messages (for the tab title), at most 100. */
  unreadCount: number;
}

export type InboxMessageKind = 'visitor' | 'rep' | 'system' | 'note';
export type Channel = 'widget' | 'email' | 'inbox' | 'api';

/** A visitor's file: downloadable in the inbox only, at `.../attachments/{id}`. */
export interface InboxFile {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}

/** One message of the thread as reps see it, notes and system events included. */
export interface InboxMessage {
  id: string;
  kind: InboxMessageKind;
  authorName: string | null;
  body: string;
  channel: Channel;
  createdAt: string;
  /** The files that came with it (a reply mailed with files). */
  attachments: InboxFile[];
}

/** `GET /api/inbox/inquiries/{id}`. */
export interface InquiryDetail {
  id: string;
  status: Status;
  unread: boolean;
  visitor: {
    name: string | null;
    email: string;
    company: string | null;
    country: string | null;
    phone: string | null;
  };
  /** Each with its own quantity when the buyer gave one (the inquiry basket). */
  products: Array<{
    name: string;
    sku?: string;
    url?: string;
    image?: string;
    quantity?: number;
    unit?: string;
  }>;
  /** The files sent with the inquiry (those of later messages are with their message). */
  attachments: InboxFile[];
  /** The inquiry's quantity when it names no product. */
  quantity: number | null;
  unit: string | null;
  page: {
    url: string | null;
    referrer: string | null;
    language: string | null;
    timezone: string | null;
  };
  /** The visitor's clock now, e.g. "Sun, 29 Nov 2026, 09:00 (Europe/Berlin)". */
  visitorLocalTime: string | null;
  assignmentReason: string;
  rep: { id: string; name: string } | null;
  createdAt: string;
  messages: InboxMessage[];
}

/** `POST /api/inbox/inquiries/{id}/messages`: a reply (mailed to the visitor) or a note. */
export const ReplyInput = z.strictObject({
  body: z.string().check(z.trim(), z.minLength(1), z.maxLength(MESSAGE_MAX)),
  kind: z.enum(['reply', 'note']),
});
export type ReplyInput = z.input<typeof ReplyInput>;

/** `PATCH /api/inbox/inquiries/{id}`: status, and for admins the assigned rep. */
export const InquiryUpdate = z.strictObject({
  status: z.optional(z.enum(STATUSES)),
  repId: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
});
export type InquiryUpdate = z.input<typeof InquiryUpdate>;

/** `GET /api/inbox/reps`: the site's reps, for reassignment (admins). */
export interface RepOption {
  id: string;
  name: string;
  active: boolean;
}

/**
 * `GET /api/inbox/events` (server-sent events): `data` is JSON of this shape. The app reloads
 * what it shows when an event names an inquiry in view.
 */
export interface InboxEvent {
  type: 'inquiry' | 'message' | 'status';
  inquiryId: string;
}
