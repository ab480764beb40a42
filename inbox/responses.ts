import {
  ROLES,
  STATUSES,
  type Channel,
  type InboxEvent,
  type InboxFile,
  type InboxMessage,
  type InboxMessageKind,
  type InquiryDetail,
  type InquiryPage,
  type InquirySummary,
  type Me,
  type RepOption,
} from '../contract/inbox';
import { isRecord, listOf, numberOrNull, oneOf, stringOrNull } from './read-values';

// Each reader returns null when a value the views rely on is missing; optional parts default.

const KINDS: readonly InboxMessageKind[] = ['visitor', 'rep', 'system', 'note'];
const CHANNELS: readonly Channel[] = ['widget', 'email', 'inbox', 'api'];
const EVENT_TYPES: readonly InboxEvent['type'][] = ['inquiry', 'message', 'status'];

const readRepRef = (value: unknown): { id: string; name: string } | null =>
  isRecord(value) && typeof value.id === 'string' && typeof value.name === 'string'
    ? { id: value.id, name: value.name }
    : null;

/** Reads `GET /api/inbox/me` and the sign-in answers. */
export function readMe(body: unknown): Me | null {
  if (!isRecord(body) || !isRecord(body.site)) return null;
  const { id, name, email } = body;
  const role = oneOf(ROLES, body.role);
  const site = { key: stringOrNull(body.site.key), name: stringOrNull(body.site.name) };
  if (typeof id !== 'string' || typeof name !== 'string' || typeof email !== 'string') return null;
  if (!role || site.key === null || site.name === null) return null;
  return { id, name, email, role, site: { key: site.key, name: site.name } };
}

/** Reads one row of the list. */
export function readSummary(body: unknown): InquirySummary | null {
  if (!isRecord(body) || !isRecord(body.visitor)) return null;
  const status = oneOf(STATUSES, body.status);
  const { id, createdAt, lastActivityAt } = body;
  const email = stringOrNull(body.visitor.email);
  if (typeof id !== 'string' || !status || email === null) return null;
  if (typeof createdAt !== 'string' || typeof lastActivityAt !== 'string') return null;
  return {
    id,
    status,
    unread: body.unread === true,
    awaitingReply: body.awaitingReply === true,
    visitor: {
      name: stringOrNull(body.visitor.name),
      email,
      company: stringOrNull(body.visitor.company),
      country: stringOrNull(body.visitor.country),
    },
    product: stringOrNull(body.product),
    preview: stringOrNull(body.preview) ?? '',
    rep: readRepRef(body.rep),
    createdAt,
    lastActivityAt,
  };
}

/** Reads `GET /api/inbox/inquiries`. */
export function readPage(body: unknown): InquiryPage | null {
  if (!isRecord(body)) return null;
  const items = listOf(body.items, readSummary);
  if (!items) return null;
  return {
    items,
    nextCursor: stringOrNull(body.nextCursor),
    unreadCount: numberOrNull(body.unreadCount) ?? 0,
  };
}

const readAttachment = (value: unknown): InboxFile | null => {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.filename !== 'string') {
    return null;
  }
  return {
    id: value.id,
    filename: value.filename,
    contentType: stringOrNull(value.contentType) ?? '',
    size: numberOrNull(value.size) ?? 0,
  };
};

/** Reads one message of a thread. */
export function readMessage(body: unknown): InboxMessage | null {
  if (!isRecord(body)) return null;
  const kind = oneOf(KINDS, body.kind);
  const { id, createdAt } = body;
  if (typeof id !== 'string' || !kind || typeof createdAt !== 'string') return null;
  return {
    id,
    kind,
    authorName: stringOrNull(body.authorName),
    body: stringOrNull(body.body) ?? '',
    channel: oneOf(CHANNELS, body.channel) ?? 'inbox',
    createdAt,
    attachments: listOf(body.attachments, readAttachment) ?? [],
  };
}

const readProduct = (value: unknown): InquiryDetail['products'][number] | null => {
  if (!isRecord(value) || typeof value.name !== 'string') return null;
  const product: InquiryDetail['products'][number] = { name: value.name };
  if (typeof value.sku === 'string') product.sku = value.sku;
  if (typeof value.url === 'string') product.url = value.url;
  if (typeof value.image === 'string') product.image = value.image;
  if (typeof value.quantity === 'number') product.quantity = value.quantity;
  if (typeof value.unit === 'string') product.unit = value.unit;
  return product;
};

/** Reads `GET /api/inbox/inquiries/{id}` and the PATCH answer. */
export function readDetail(body: unknown): InquiryDetail | null {
  if (!isRecord(body) || !isRecord(body.visitor)) return null;
  const status = oneOf(STATUSES, body.status);
  const { id, createdAt } = body;
  const email = stringOrNull(body.visitor.email);
  const messages = listOf(body.messages, readMessage);
  if (typeof id !== 'string' || !status || email === null || typeof createdAt !== 'string') {
    return null;
  }
  const page = isRecord(body.page) ? body.page : {};
  return {
    id,
    status,
    unread: body.unread === true,
    visitor: {
      name: stringOrNull(body.visitor.name),
      email,
      company: stringOrNull(body.visitor.company),
      country: stringOrNull(body.visitor.country),
      phone: stringOrNull(body.visitor.phone),
    },
    products: listOf(body.products, readProduct) ?? [],
    attachments: listOf(body.attachments, readAttachment) ?? [],
    quantity: numberOrNull(body.quantity),
    unit: stringOrNull(body.unit),
    page: {
      url: stringOrNull(page.url),
      referrer: stringOrNull(page.referrer),
      language: stringOrNull(page.language),
      timezone: stringOrNull(page.timezone),
    },
    visitorLocalTime: stringOrNull(body.visitorLocalTime),
    assignmentReason: stringOrNull(body.assignmentReason) ?? '',
    rep: readRepRef(body.rep),
    createdAt,
    messages: messages ?? [],
  };
}

const readRepOption = (value: unknown): RepOption | null =>
  isRecord(value) && typeof value.id === 'string' && typeof value.name === 'string'
    ? { id: value.id, name: value.name, active: value.active !== false }
    : null;

/** Reads `GET /api/inbox/reps`. */
export const readReps = (body: unknown): RepOption[] | null => listOf(body, readRepOption);

/** Reads the `data` of one server-sent event; null for anything else (a comment, a ping). */
export function readEvent(data: unknown): InboxEvent | null {
  if (typeof data !== 'string') return null;
  let body: unknown;
  try {
    body = JSON.parse(data);
  } catch (err) {
    // Not ours to act on; say so for whoever debugs the stream.
    console.warn('[inbox] ignored an event that is not JSON', err);
    return null;
  }
  if (!isRecord(body) || typeof body.inquiryId !== 'string') return null;
  const type = oneOf(EVENT_TYPES, body.type);
  return type ? { type, inquiryId: body.inquiryId } : null;
}
