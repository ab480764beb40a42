import type { AuthorKind, Message, Rep, Store } from '../../server/storage/store';

// Writes through the store for tests of what it keeps beside them (the text index, its copy of
// the list place): a new inquiry like a stored one, and a message at a given time.

/** A message of `authorKind` (a visitor's, from the widget, unless said) at `at`. */
export function messageAt(
  id: string,
  inquiryId: string,
  at: string,
  body: string,
  {
    authorKind = 'visitor',
    authorRepId = null,
  }: { authorKind?: AuthorKind; authorRepId?: string | null } = {},
): Message {
  return {
    id,
    inquiryId,
    authorKind,
    authorRepId,
    body,
    channel: authorKind === 'rep' ? 'inbox' : 'widget',
    createdAt: at,
  };
}

/** Stores a new inquiry `id` like the stored `fromId`, new and with `repId`, saying `body` at `at`. */
export async function storeInquiryLike(
  store: Store,
  fromId: string,
  { id, repId, at, body }: { id: string; repId: string; at: string; body: string },
): Promise<void> {
  const base = await store.findInquiry(fromId);
  if (!base) throw new Error(`no inquiry ${fromId}`);
  await store.createInquiry({
    inquiry: { ...base, id, repId, status: 'new', lastActivityAt: at },
    message: messageAt(`${id}-m`, id, at, body),
    tokens: [],
    deliveries: [],
  });
}

/** Stores an active rep `handle` of the site (id `rep-{handle}`, email `{handle}@example.com`). */
export async function storeRep(store: Store, siteId: string, handle: string): Promise<Rep> {
  const id = `rep-${handle}`;
  await store.createRep({
    id,
    siteId,
    handle,
    name: handle,
    title: null,
    photoUrl: null,
    email: `${handle}@example.com`,
    active: true,
    role: 'rep',
  });
  const rep = await store.findRep(id);
  if (!rep) throw new Error(`rep ${id} was not stored`);
  return rep;
}
