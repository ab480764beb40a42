import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inquiryListQueries } from '../../server/storage/inquiry-list-queries';
import { migrateTo, migrateToLatest } from '../../server/storage/migrate';
import { postgresSearch } from '../../server/storage/postgres';
import type { Inquiry, InquiryStatus, Rep } from '../../server/storage/store';
import { messageAt, seededAt, storeInquiryLike, storeRep } from '../support/store-writes';
import { POSTGRES_URL, TEST_ENGINE, type TestDatabase } from '../support/test-database';

// Migration 0025 (PostgreSQL): each text index row keeps its inquiry's place in the inbox list,
// which a search far down the list sorts by (postgres.ts `sorted`). The copy is the inquiry's
// after every kind of write: the store's (a message, a status, a reassignment), a hand-written
// one over another search_path, and the migration's own fill of the rows already there.

const PLACE = ['site_id', 'rep_id', 'status', 'awaiting_reply', 'last_activity_at'];
const seedId = (i: number) => `seed-${String(i).padStart(8, '0')}`;

/** Text index rows whose copy differs from their inquiry (with the columns: none). */
async function stale(t: TestDatabase): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`select s.inquiry_id as id from inquiry_search s
    join inquiries i on i.id = s.inquiry_id
    where (${sql.raw(PLACE.map((c) => `s.${c}`).join(', '))})
      is distinct from (${sql.raw(PLACE.map((c) => `i.${c}`).join(', '))})
    order by 1`.execute(t.db);
  return rows.map((r) => r.id);
}

describe.runIf(TEST_ENGINE === 'postgres')("the text index's copy of the list place", () => {
  let t: TestDatabase;
  let moore: Rep;
  let ana: Rep;
  beforeAll(async () => {
    // Stored before the migration: its fill gives them their place.
    ({ t, moore } = await seededAt('0024-trigger-search-path'));
    const lines: string[] = [];
    await migrateToLatest(t.db, (_, __, line) => {
      if (line) lines.push(line);
    });
    expect(lines).toContain('building the text index again (600 inquiries)');
    ana = await storeRep(t.store, moore.siteId, 'ana');
  }, 120_000);
  afterAll(() => t?.close());

  it('is filled by the migration for the rows already there', async () => {
    expect(await stale(t)).toEqual([]);
    const { rows } = await sql<{ n: string }>`select count(*) as n from inquiry_search
      where site_id is null`.execute(t.db);
    expect(Number(rows[0]?.n)).toBe(0);
  });

  it('is taken by a new inquiry from its row', async () => {
    const at = '2031-02-01T00:00:00.000Z';
    const body = 'Basaltwolle please';
    await storeInquiryLike(t.store, seedId(1), { id: 'place-new', repId: ana.id, at, body });
    expect(await stale(t)).toEqual([]);
    const { rows } = await sql<{ repId: string; lastActivityAt: string }>`select rep_id,
      last_activity_at from inquiry_search where inquiry_id = 'place-new'`.execute(t.db);
    expect(rows).toEqual([{ repId: ana.id, lastActivityAt: at }]);
  });

  it("follows the store's writes: a message, a status, a reassignment", async () => {
    const at = '2031-01-01T00:00:00.000Z';
    await t.store.addMessage({
      message: messageAt('place-m1', seedId(5), at, 'Quarzsand please'),
      patch: { lastActivityAt: at, awaitingReply: true },
      deliveries: [],
    });
    // A message of no words writes no document: the commit's trigger writes the place.
    await t.store.addMessage({
      message: messageAt('place-m2', seedId(6), at, 'Escalated', { authorKind: 'system' }),
      patch: { lastActivityAt: at, awaitingReply: false },
      deliveries: [],
    });
    await t.store.updateInquiry(seedId(7), { status: 'closed' });
    await t.store.updateInquiry(seedId(8), { repId: ana.id, status: 'open' });
    await t.store.updateInquiry(seedId(9), { repId: null });
    expect(await stale(t)).toEqual([]);
    const place = await sql<{ id: string; lastActivityAt: string; repId: string | null }>`
      select inquiry_id as id, last_activity_at, rep_id from inquiry_search
      where inquiry_id in (${seedId(5)}, ${seedId(8)}, ${seedId(9)}) order by 1`.execute(t.db);
    expect(place.rows).toEqual([
      { id: seedId(5), lastActivityAt: at, repId: moore.id },
      { id: seedId(8), lastActivityAt: expect.any(String), repId: ana.id },
      { id: seedId(9), lastActivityAt: expect.any(String), repId: null },
    ]);
  });

  it("is written with a message's words in one row version", async () => {
    // Every row version the message writes, counted by a trigger of the test's own: the commit's
    // trigger finding the place already written writes none.
    await sql`create table versions_written (n integer)`.execute(t.db);
    await sql`create function count_version() returns trigger language plpgsql as $$
      begin insert into versions_written values (1); return null; end $$`.execute(t.db);
    await sql`create trigger count_version after update on inquiry_search
      for each row execute function count_version()`.execute(t.db);
    try {
      const at = '2031-03-01T00:00:00.000Z';
      await t.store.addMessage({
        message: messageAt('place-once', seedId(15), at, 'Kieselgur is on its way', {
          authorKind: 'rep',
          authorRepId: moore.id,
        }),
        patch: { lastActivityAt: at, awaitingReply: false, status: 'waiting' },
        deliveries: [],
      });
      const { rows } = await sql<{ n: string }>`select count(*) as n
        from versions_written`.execute(t.db);
      expect(Number(rows[0]?.n)).toBe(1);
      expect(await stale(t)).toEqual([]);
    } finally {
      await sql`drop trigger count_version on inquiry_search`.execute(t.db);
      await sql`drop function count_version()`.execute(t.db);
      await sql`drop table versions_written`.execute(t.db);
    }
  });

  it('follows a write over the default search_path (psql), and takes none from a rolled back one', async () => {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(t.db);
    const schema = rows[0]?.schema ?? '';
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      await client.query(
        `update ${schema}.inquiries set status = 'waiting', awaiting_reply = 0
        where id = $1`,
        [seedId(11)],
      );
      await client.query('begin');
      await client.query(`update ${schema}.inquiries set status = 'new' where id = $1`, [
        seedId(12),
      ]);
      await client.query('rollback');
    } finally {
      await client.end();
    }
    expect(await stale(t)).toEqual([]);
  });

  it('gives the same pages as the list walked, for a site, a rep and a status', async () => {
    await t.store.updateInquiry(seedId(20), { repId: ana.id });
    await t.store.updateInquiry(seedId(120), { repId: ana.id });
    const walked = inquiryListQueries(t.db, postgresSearch, { sortedIndex: 0, rankedWalk: 0 });
    let calls = 0;
    const sorting = inquiryListQueries(
      t.db,
      {
        async prepare(db, query) {
          const prepared = await postgresSearch.prepare(db, query);
          const sorted = prepared?.sorted;
          if (!prepared || !sorted) return prepared;
          return {
            ...prepared,
            sorted: (...args: Parameters<typeof sorted>) => {
              calls++;
              return sorted(...args);
            },
          };
        },
      },
      { searchWindow: 10, unknownWindow: 10, sortedWalk: 0 },
    );
    const pages = async (
      store: typeof walked,
      scope: { siteId: string; repId?: string },
      query: string,
      status?: InquiryStatus,
    ) => {
      const ids: string[] = [];
      let after: Inquiry | undefined;
      for (;;) {
        const page = await store.listInquiries(scope, {
          search: query,
          limit: 7,
          after,
          ...(status && { status }),
        });
        ids.push(...page.map((i) => i.id));
        if (page.length < 7) return ids;
        after = page.at(-1);
      }
    };
    for (const [scope, query, status] of [
      [{ siteId: moore.siteId }, 'buyer1', undefined],
      [{ siteId: moore.siteId }, 'buyer1', 'closed'],
      [{ siteId: moore.siteId, repId: moore.id }, 'seawater', 'new'],
      [{ siteId: moore.siteId, repId: ana.id }, 'buyer', undefined],
      [{ siteId: moore.siteId }, 'quarzsand', undefined],
    ] as const) {
      const expected = await pages(walked, scope, query, status);
      expect(expected.length, query).toBeGreaterThan(0);
      expect(await pages(sorting, scope, query, status), `${query} ${status}`).toEqual(expected);
    }
    expect(calls).toBeGreaterThan(10);
  });

  it('goes with a migration down, and comes back filled', async () => {
    await migrateTo(t.db, '0024-trigger-search-path');
    const { rows } = await sql<{ n: string }>`select count(*) as n from information_schema.columns
      where table_schema = current_schema() and table_name = 'inquiry_search'`.execute(t.db);
    expect(Number(rows[0]?.n)).toBe(2);
    await t.store.updateInquiry(seedId(30), { status: 'closed' });
    await migrateToLatest(t.db);
    expect(await stale(t)).toEqual([]);
  });
});
