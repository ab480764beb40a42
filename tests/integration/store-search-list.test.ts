import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/demo-seed';
import {
  inquiryListQueries,
  type SearchThresholds,
} from '../../server/storage/inquiry-list-queries';
import { postgresSearch } from '../../server/storage/postgres';
import type { SearchAdapter } from '../../server/storage/search';
import { sqliteSearch } from '../../server/storage/sqlite';
import type { Inquiry, InquiryStatus, Store } from '../../server/storage/store';
import { seedInquiries } from '../bench/seed-inquiries';
import { storeRep } from '../support/store-writes';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// The inbox's search through listInquiries, page by page, against the same search done by
// hand over the seeded rows. 3,000 inquiries, a few old ones brought to the top of the list by
// a new message (old rowids among the newest rows), and three sets of thresholds make every
// plan run, and a search change plans from one page to the next: a page filled by the first
// rows of the list (common words), the text index's few matches (rare ones), its many matches
// with the list walked, no word in the index, and the first rows giving up to the others.

const COUNT = 3000;
let database: TestDatabase;
let siteId: string;
let all: Inquiry[];
const OTHER_REP = 'rep-other';
const bodies = new Map<string, string>();
const seedId = (i: number) => `seed-${String(i).padStart(8, '0')}`;
const REVIVED = [10, 11, 12, 13, 14, 1500].map(seedId);
// Inquiries with news at one and the same instant, which the list orders by id: given it in
// the opposite order (SQLite ranks them in the order they got there), a third of them then
// answered by the rep (not awaiting a reply, another part of the list).
const TIED = Array.from({ length: 40 }, (_, k) => seedId(2400 - k * 7));

// Small thresholds, so that 3,000 inquiries reach every plan; and the store's own. The middle
// ones leave out PostgreSQL's sort in the text index (`sortedIndex: 0`), which the others take.
// `unknown` hides the engine's estimate of how common a query is, as before PostgreSQL has
// statistics.
const THRESHOLDS: Array<[string, SearchThresholds & { unknown?: boolean }]> = [
  ['default plans', {}],
  ['default plans, share unknown', { unknown: true }],
  [
    'small plans',
    { rankedWalk: 0, selectiveSearch: 40, searchWindow: 60, unknownWindow: 50, sortedWalk: 0 },
  ],
  [
    'small plans after a short ranked walk',
    { rankedWalk: 60, selectiveSearch: 40, searchWindow: 60, unknownWindow: 50, sortedWalk: 0 },
  ],
  [
    'middle plans',
    {
      rankedWalk: 0,
      selectiveSearch: 300,
      searchWindow: 300,
      unknownWindow: 150,
      sortedSearch: 0,
      sortedIndex: 0,
    },
  ],
  [
    'middle plans, share unknown',
    { rankedWalk: 0, selectiveSearch: 300, unknownWindow: 150, sortedIndex: 0, unknown: true },
  ],
];

beforeAll(async () => {
  database = await createTestDatabase();
  const rep = await seedDemo(database.store, 'http://localhost:8787');
  if (!rep) throw new Error('seed failed');
  siteId = rep.siteId;
  await seedInquiries(database.db, {
    siteId,
    repId: rep.id,
    count: COUNT,
    batch: 500,
    progress: () => {},
  });
  // Newer than every seeded row: these go to the top of the list, their rowids stay old.
  for (const [k, inquiryId] of REVIVED.entries()) {
    const at = new Date(Date.parse('2030-01-01T00:00:00Z') + k * 1000).toISOString();
    await database.store.addMessage({
      message: {
        id: `revive-${k}`,
        inquiryId,
        authorKind: 'visitor',
        authorRepId: null,
        body: k % 2 ? 'Zanzibar seawater please' : 'zanzibar, again',
        channel: 'widget',
        createdAt: at,
      },
      patch: { lastActivityAt: at, awaitingReply: true },
      deliveries: [],
    });
  }
  for (const [k, inquiryId] of TIED.entries()) {
    const at = '2029-06-01T00:00:00.000Z';
    await database.store.addMessage({
      message: {
        id: `tied-${k}`,
        inquiryId,
        authorKind: k % 3 ? 'visitor' : 'rep',
        authorRepId: null,
        body: 'tiedword here',
        channel: 'widget',
        createdAt: at,
      },
      patch: { lastActivityAt: at, awaitingReply: k % 3 !== 0 },
      deliveries: [],
    });
  }
  // A second rep's own list: every 13th inquiry, moved there by a plain update (SQLite's
  // text index takes their scope by trigger, migration 0026).
  await storeRep(database.store, siteId, 'other');
  await database.db
    .updateTable('inquiries')
    .set({ repId: OTHER_REP })
    .where(sql<number>`cast(substr(id, 6) as integer) % 13`, '=', 0)
    .execute();
  all = [];
  let after: Inquiry | undefined;
  for (;;) {
    const page = await database.store.listInquiries({ siteId }, { limit: 500, after });
    if (page.length === 0) break;
    all.push(...page);
    after = page.at(-1);
  }
  // As autovacuum would: PostgreSQL's search estimates how common a word is from statistics.
  if (database.engine === 'postgres') await sql`analyze inquiry_search`.execute(database.db);
  const messages = await database.db.selectFrom('messages').select(['inquiryId', 'body']).execute();
  for (const m of messages) bodies.set(m.inquiryId, `${bodies.get(m.inquiryId) ?? ''} ${m.body}`);
}, 120_000);
afterAll(async () => {
  await database?.close();
});

// Every word of the query starts a word of the inquiry (the adapters' prefix terms).
function matches(inquiry: Inquiry, query: string): boolean {
  const text = [
    inquiry.visitor.name,
    inquiry.visitor.email,
    inquiry.visitor.company,
    ...inquiry.products.map((p) => p.name),
    bodies.get(inquiry.id),
  ].join(' ');
  const words = text.toLowerCase().split(/[^a-z0-9]+/);
  return query
    .toLowerCase()
    .split(/\s+/)
    .every((term) => words.some((w) => w.startsWith(term)));
}

async function searchAll(
  query: string,
  status?: InquiryStatus,
  limit = 25,
  store: Pick<Store, 'listInquiries'> = database.store,
  repId?: string,
): Promise<string[]> {
  const found: string[] = [];
  let after: Inquiry | undefined;
  for (let pages = 0; pages < 400; pages++) {
    const page = await store.listInquiries(
      { siteId, ...(repId && { repId }) },
      { search: query, limit, after, ...(status && { status }) },
    );
    found.push(...page.map((i) => i.id));
    if (page.length < limit) return found;
    after = page.at(-1);
  }
  throw new Error('too many pages');
}

const QUERIES = [
  'rhein',
  'quote',
  'seawater',
  'buyer1',
  'buyer2999',
  'buyer299',
  'pump',
  'pump rhein',
  'st',
  'b',
  'order 1',
  'seawater flange',
  'pumpen seawater',
  'rhein andes',
  'zanzibar',
  'zanz rhein',
  'ZANZIBAR seawater',
  'qqqq',
  'nothing-like-this',
  'tiedword',
];

describe.each(THRESHOLDS)('search in the inbox list at 3,000 inquiries, %s', (_, thresholds) => {
  const store = () => {
    const search = database.engine === 'postgres' ? postgresSearch : sqliteSearch;
    const unknown: SearchAdapter = {
      async prepare(db, query) {
        const prepared = await search.prepare(db, query);
        return prepared && { ...prepared, share: prepared.share === 0 ? 0 : null };
      },
    };
    return inquiryListQueries(database.db, thresholds.unknown ? unknown : search, thresholds);
  };

  it('brought the revived inquiries to the top of the list', () => {
    expect(all.slice(0, REVIVED.length).map((i) => i.id)).toEqual([...REVIVED].reverse());
  });

  it.each(QUERIES)('%s: every match, in list order, page by page', async (query) => {
    const expected = all.filter((i) => matches(i, query)).map((i) => i.id);
    expect(await searchAll(query, undefined, 25, store())).toEqual(expected);
  });

  it('with a status, and in other page sizes', async () => {
    for (const [query, status, limit] of [
      ['buyer1', 'closed', 25],
      ['rhein', 'open', 7],
      ['seawater', 'waiting', 10],
      ['valve', undefined, 100],
      ['tiedword', undefined, 7],
      ['tiedword', 'open', 3],
    ] as const) {
      const expected = all
        .filter((i) => (!status || i.status === status) && matches(i, query))
        .map((i) => i.id);
      expect(await searchAll(query, status, limit, store()), query).toEqual(expected);
    }
  });

  it("in a rep's own list, with a status", async () => {
    for (const [query, status] of [
      ['rhein', undefined],
      ['buyer1', undefined],
      ['seawater', 'open'],
      ['zanzibar', undefined],
      ['tiedword', undefined],
    ] as const) {
      const expected = all
        .filter((i) => i.repId === OTHER_REP && (!status || i.status === status))
        .filter((i) => matches(i, query))
        .map((i) => i.id);
      expect(expected.length, query).toBeGreaterThan(0);
      expect(await searchAll(query, status, 10, store(), OTHER_REP), query).toEqual(expected);
    }
  });
});

describe('how common a query is, as the engine estimates it', () => {
  it('from the statistics (PostgreSQL); SQLite knows only that none match', async () => {
    const search = database.engine === 'postgres' ? postgresSearch : sqliteSearch;
    const share = async (query: string) => (await search.prepare(database.db, query))?.share;
    if (database.engine === 'postgres') {
      expect(await share('rhein')).toBeCloseTo(0.2, 1);
      expect(await share('rhein seawater')).toBeCloseTo(0.2 / 12, 2);
      expect(await share('buyer2999')).toBeLessThan(0.001);
    } else {
      for (const query of ['rhein', 'rhein seawater', 'buyer2999']) {
        expect(await share(query), query).toBeNull();
      }
    }
    // No listed word starts "qqqq": nothing, says SQLite, whose list is kept with the index;
    // PostgreSQL's list may lag its index, so it asks for the word as a prefix (no estimate).
    expect(await share('qqqq')).toBe(database.engine === 'postgres' ? null : 0);
    expect(await share('b')).toBeNull();
  });
});

describe('search in the inbox list at 3,000 inquiries, through the store', () => {
  it.each([
    ['rhein'],
    ['quote'],
    ['buyer1'],
    ['buyer2999'],
    ['order 1'],
    ['seawater flange'],
    ['pumpen seawater'],
    ['nothing-like-this'],
  ])('%s: every match, in list order, page by page', async (query) => {
    const expected = all.filter((i) => matches(i, query)).map((i) => i.id);
    expect(await searchAll(query)).toEqual(expected);
  });

  it('with a status, and in larger pages', async () => {
    const expected = all
      .filter((i) => i.status === 'closed' && matches(i, 'buyer1'))
      .map((i) => i.id);
    expect(await searchAll('buyer1', 'closed')).toEqual(expected);
    expect(await searchAll('valve', undefined, 100)).toEqual(
      all.filter((i) => matches(i, 'valve')).map((i) => i.id),
    );
  });
});
