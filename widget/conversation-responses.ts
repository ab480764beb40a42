import type { Conversation, ThreadMessage, VisitorMessageAuthor } from '../contract/conversation';
import { isRecord, stringOrNull } from './responses';

const AUTHORS: readonly VisitorMessageAuthor[] = ['visitor', 'rep', 'system'];

/**
 * Reads one message of the thread; null when it is not one. An author the visitor must not
 * see (a rep's internal note, should a server ever send one) is not a message for them either.
 */
export function readThreadMessage(value: unknown): ThreadMessage | null {
  if (!isRecord(value)) return null;
  const { id, body, createdAt } = value;
  const author = AUTHORS.find((known) => known === value.author);
  if (!author || typeof id !== 'string' || typeof body !== 'string') return null;
  if (typeof createdAt !== 'string') return null;
  return { id, author, authorName: stringOrNull(value.authorName), body, createdAt };
}

/** Reads a follow-up's 201 answer (`{ message }`); null when it cannot be read. */
export function readMessageCreated(body: unknown): ThreadMessage | null {
  return isRecord(body) ? readThreadMessage(body.message) : null;
}

const readProduct = (value: unknown): Conversation['products'][number] | null => {
  if (!isRecord(value) || typeof value.name !== 'string') return null;
  return typeof value.sku === 'string'
    ? { name: value.name, sku: value.sku }
    : { name: value.name };
};

const readRep = (value: unknown, origin: string): Conversation['rep'] => {
  if (!isRecord(value) || typeof value.name !== 'string') return null;
  const photo = stringOrNull(value.photoUrl);
  return {
    name: value.name,
    title: stringOrNull(value.title),
    // Relative photo URLs belong to the API's origin, not to the page the widget runs on.
    photoUrl: photo === null ? null : new URL(photo, origin).href,
  };
};

// Keeps what could be read: one odd entry must not hide the whole thread from the visitor.
const readList = <T>(value: unknown, read: (item: unknown) => T | null): T[] =>
  Array.isArray(value) ? value.map(read).filter((item): item is T => item !== null) : [];

/** Reads a conversation answer; null when it is not one. */
export function readConversation(body: unknown, origin: string): Conversation | null {
  if (!isRecord(body) || typeof body.inquiryId !== 'string') return null;
  if (!isRecord(body.site) || typeof body.site.name !== 'string') return null;
  if (!Array.isArray(body.messages)) return null;
  return {
    inquiryId: body.inquiryId,
    site: { name: body.site.name },
    rep: readRep(body.rep, origin),
    products: readList(body.products, readProduct),
    messages: readList(body.messages, readThreadMessage),
  };
}
