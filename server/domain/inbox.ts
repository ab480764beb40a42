import type {
  InboxFile,
  InboxMessage,
  InquiryDetail,
  InquiryListQuery,
  InquiryPage,
  InquirySummary,
} from '../../contract';
import { formatLocalTime } from '../mail/local-time';
import type { InquiryFile } from '../storage/attachment-queries';
import type { Inquiry, InquiryListFilter, Message, Rep, Store } from '../storage/store';
import { scopeOf } from './access';
import { DomainError } from './errors';
import { repNames } from './visitor-conversation';

const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 100;
/** Unread counts stop here; the inbox shows "99+". */
export const UNREAD_CAP = 100;

/** One page of the rep's inbox list, in the order reps work it. */
export async function listInbox(
  store: Store,
  rep: Rep,
  query: InquiryListQuery,
): Promise<InquiryPage> {
  const scope = scopeOf(rep);
  const limit = Math.min(Number(query.limit ?? DEFAULT_LIMIT) || DEFAULT_LIMIT, MAX_LIMIT);
  const filter: InquiryListFilter = { limit: limit + 1 };
  if (query.status) filter.status = query.status;
  const search = query.q?.trim();
  if (search) filter.search = search;
  if (query.cursor) filter.after = decodeCursor(query.cursor);

  const rows = await store.listInquiries(scope, filter);
  const page = rows.slice(0, limit);
  const [previews, unreadCount, names] = await Promise.all([
    store.firstMessages(page.map((i) => i.id)),
    store.countUnread(scope, UNREAD_CAP),
    assigneeNames(store, page),
  ]);
  const last = page.at(-1);
  return {
    items: page.map((i) => toSummary(i, previews.get(i.id) ?? '', names)),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
    unreadCount,
  };
}

/** Everything the inbox shows about one inquiry. */
export async function inquiryDetail(
  store: Store,
  inquiry: Inquiry,
  now: Date,
): Promise<InquiryDetail> {
  const [messages, attachments] = await Promise.all([
    store.listMessages(inquiry.id),
    store.listAttachments(inquiry.id),
  ]);
  const listed = new Set(messages.map((m) => m.id));
  const [names, assignee] = await Promise.all([
    repNames(store, messages),
    inquiry.repId ? store.findRep(inquiry.repId) : null,
  ]);
  return {
    id: inquiry.id,
    status: inquiry.status,
    unread: inquiry.unread,
    visitor: inquiry.visitor,
    products: inquiry.products,
    // A later message's files go with it; one whose message is not listed stays here.
    attachments: attachments
      .filter((f) => !f.messageId || !listed.has(f.messageId))
      .map(toInboxFile),
    quantity: inquiry.quantity,
    unit: inquiry.unit,
    page: inquiry.page,
    visitorLocalTime: inquiry.page.timezone ? formatLocalTime(now, inquiry.page.timezone) : null,
    assignmentReason: inquiry.assignmentReason,
    rep: assignee && { id: assignee.id, name: assignee.name },
    createdAt: inquiry.createdAt,
    messages: messages.map((m) =>
      toInboxMessage(
        m,
        names,
        attachments.filter((f) => f.messageId === m.id),
      ),
    ),
  };
}

/** A message as reps see it, with the files it brought. */
export function toInboxMessage(
  m: Message,
  names: Map<string, string>,
  files: InquiryFile[] = [],
): InboxMessage {
  return {
    id: m.id,
    kind: m.authorKind,
    authorName: m.authorRepId ? (names.get(m.authorRepId) ?? null) : null,
    body: m.body,
    channel: m.channel,
    createdAt: m.createdAt,
    attachments: files.map(toInboxFile),
  };
}

const toInboxFile = ({ id, filename, contentType, size }: InquiryFile): InboxFile => ({
  id,
  filename,
  contentType,
  size,
});

function toSummary(i: Inquiry, firstMessage: string, names: Map<string, string>): InquirySummary {
  return {
    id: i.id,
    status: i.status,
    unread: i.unread,
    awaitingReply: i.awaitingReply,
    visitor: {
      name: i.visitor.name,
      email: i.visitor.email,
      company: i.visitor.company,
      country: i.visitor.country,
    },
    product: productsLabel(i.products),
    preview: firstMessage.length > 140 ? `${firstMessage.slice(0, 139)}…` : firstMessage,
    rep: i.repId ? { id: i.repId, name: names.get(i.repId) ?? '' } : null,
    createdAt: i.createdAt,
    lastActivityAt: i.lastActivityAt,
  };
}

/** The names of the reps `inquiries` are assigned to, by rep id. */
export async function assigneeNames(
  store: Store,
  inquiries: Inquiry[],
): Promise<Map<string, string>> {
  const ids = [...new Set(inquiries.flatMap((i) => (i.repId ? [i.repId] : [])))];
  const reps = await Promise.all(ids.map((id) => store.findRep(id)));
  return new Map(reps.flatMap((r) => (r ? [[r.id, r.name] as const] : [])));
}

// The cursor is the last row's sort key; opaque to clients, checked when it comes back.
function encodeCursor(i: Inquiry): string {
  return Buffer.from(JSON.stringify([i.awaitingReply ? 1 : 0, i.lastActivityAt, i.id])).toString(
    'base64url',
  );
}

function decodeCursor(cursor: string): NonNullable<InquiryListFilter['after']> {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      (value[0] === 0 || value[0] === 1) &&
      typeof value[1] === 'string' &&
      // As the server writes times: a time read otherwise here and by the database (an offset,
      // no zone) would skip rows of a search (SQLite's ranks, migration 0014).
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?Z$/.test(value[1]) &&
      typeof value[2] === 'string'
    ) {
      return { awaitingReply: value[0] === 1, lastActivityAt: value[1], id: value[2] };
    }
  } catch (err) {
    // JSON.parse's SyntaxError is the only expected failure: it means a bad cursor, below.
    if (!(err instanceof SyntaxError)) throw err;
  }
  throw new DomainError('VALIDATION_FAILED', 'The page cursor is not valid.', {
    cursor: 'Invalid cursor.',
  });
}

/** "Ball valve", or "Ball valve and 2 more" for a basket. */
const productsLabel = ([first, ...more]: Inquiry['products']): string | null =>
  first ? (more.length > 0 ? `${first.name} and ${more.length} more` : first.name) : null;
