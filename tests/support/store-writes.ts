import { seedDemo } from '../../server/demo-seed';
import { migrateTo } from '../../server/storage/migrate';
import type { SqliteIndex } from '../../server/storage/search-index';
import type { AuthorKind, Message, Rep, Store } from '../../server/storage/store';
import { seedInquiries } from '../bench/seed-inquiries';
import { createTestDatabase, type TestDatabase } from './test-database';

// Writes through the store for tests of what it keeps beside them (the text index, its copy of
// the list place): inquiries stored before a migration, a new inquiry like a stored one, a
// message at a given time, a rep.

/**
 * A new test database at `migration`, with the demo site and 600 inquiries of its rep stored as
 * that release stored them (SQLite's text index as of `index`): for a migration's test.
 */
export async function seededAt(
  migration: Parameters<typeof migrateTo>[1],
  index: SqliteIndex = 'latest',
): Promise<{ t: TestDatabase; moore: Rep }> {
  const t = await createTestDatabase();
  await migrateTo(t.db, migration);
  const moore = await seedDemo(t.store, 'http://localhost:8787');
  if (!moore) throw new Error('seed failed');
  await seedInquiries(t.db, {
    siteId: moore.siteId,
    repId: moore.id,
    count: 600,
    progress: () => {},
    index,
  });
  return { t, moore };
}

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
