import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inquiryListQueries } from '../../server/storage/inquiry-list-queries';
import { migrateTo, migrateToLatest } from '../../server/storage/migrate';
import { searchScope } from '../../server/storage/migrations/0026-search-scope';
import { scopeWordsOf } from '../../server/storage/list-place';
import { sqliteSearch } from '../../server/storage/sqlite';
import type { Inquiry, Rep } from '../../server/storage/store';
import { watchingRanked } from '../support/ranked-reads';
import { messageAt, seededAt, storeInquiryLike, storeRep } from '../support/store-writes';
import { TEST_ENGINE, type TestDatabase } from '../support/test-database';

// Migration 0026 (SQLite): each text index row holds its inquiry's scope words (site, rep,
// status), which a search in a rep's list or a status asks FTS5 for (sqlite.ts `ranked`). The
// words are the inquiry's after every kind of write: the migration's copy of the rows already
// there, the store's (a new inquiry, a message that moves it, a status, a reassignment), and a
// hand-written update that also moves it (0014's trigger and 0026's in one statement).

const seedId = (i: number) => `seed-${String(i).padStart(8, '0')}`;

/** Inquiries whose text index row is missing or holds other scope words than theirs. */
async function stale(t: TestDatabase): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`select i.id from inquiries i
    left join inquiries_fts f on f.rowid = i.search_rank
    where f.scope is not ${scopeWordsOf('i')} order by 1`.execute(t.db);
  return rows.map((r) => r.id);
}

const triggers = async (t: TestDatabase) =>
  (
    await sql<{ name: string }>`select name from sqlite_master where type = 'trigger'
      and sql like '%inquiries_fts%' order by name`.execute(t.db)
  ).rows.map((r) => r.name);

const ftsRows = async (t: TestDatabase) =>
  Number(
    (await sql<{ n: number }>`select count(*) as n from inquiries_fts`.execute(t.db)).rows[0]?.n,
  );

describe.runIf(TEST_ENGINE === 'sqlite')("the text index's scope words", () => {
  let t: TestDatabase;
  let moore: Rep;
  let ana: Rep;
  let before: string[];
  beforeAll(async () => {
    // Stored before the migration, in the index as it was: its copy gives them their words.
    ({ t, moore } = await seededAt('0025-search-list-place', '0014'));
    ana = await storeRep(t.store, moore.siteId, 'ana');
    await t.db
      .updateTable('inquiries')
      .set({ repId: ana.id })
      .where('id', '=', seedId(3))
      .execute();
    before = await triggers(t);
    const lines: string[] = [];
    await migrateToLatest(t.db, (_, __, line) => {
      if (line) lines.push(line);
    });
    expect(lines).toContain('600 of 600 text index rows copied');
  }, 120_000);
  afterAll(() => t?.close());

  it('are copied by the migration, which keeps the triggers on the text index', async () => {
    expect(await stale(t)).toEqual([]);
    expect(await ftsRows(t)).toBe(600);
    expect(await triggers(t)).toEqual([...before, 'inquiries_fts_scope'].sort());
    const { rows } = await sql<{ scope: string }>`select f.scope from inquiries_fts f
      join inquiries i on i.search_rank = f.rowid where i.id = ${seedId(3)}`.execute(t.db);
    const hex = (text: string) => Buffer.from(text).toString('hex').toUpperCase();
    expect(rows).toEqual([{ scope: `·s${hex(moore.siteId)} ·r${hex(ana.id)} ·t${hex('closed')}` }]);
  });

  it("follow the store's writes: a new inquiry, a message, a status, a reassignment", async () => {
    const at = '2031-02-01T00:00:00.000Z';
    const body = 'Basaltwolle please';
    await storeInquiryLike(t.store, seedId(1), { id: 'scope-new', repId: ana.id, at, body });
    // A message that moves the inquiry and changes its status and rep: the store writes the
    // row at its new rank with its words, the trigger leaves it.
    await t.store.addMessage({
      message: messageAt('scope-m1', seedId(5), at, 'Quarzsand is on its way', {
        authorKind: 'rep',
        authorRepId: ana.id,
      }),
      patch: { lastActivityAt: at, awaitingReply: false, status: 'waiting', repId: ana.id },
      deliveries: [],
    });
    await t.store.updateInquiry(seedId(7), { status: 'closed' });
    await t.store.updateInquiry(seedId(8), { repId: ana.id, status: 'open' });
    await t.store.updateInquiry(seedId(9), { repId: null });
    expect(await stale(t)).toEqual([]);
    expect(await ftsRows(t)).toBe(601);
  });

  it('follow a hand-written update that moves the inquiry too, and a deletion', async () => {
    await sql`update inquiries set status = 'waiting', rep_id = ${ana.id}, awaiting_reply = 1,
      last_activity_at = '2032-01-01T00:00:00.000Z' where id = ${seedId(11)}`.execute(t.db);
    await sql`update inquiries set status = 'new' where id = ${seedId(12)}`.execute(t.db);
    await sql`delete from messages where inquiry_id = ${seedId(13)}`.execute(t.db);
    await sql`delete from inquiries where id = ${seedId(13)}`.execute(t.db);
    expect(await stale(t)).toEqual([]);
    expect(await ftsRows(t)).toBe(600);
  });

  it("let a search ask for a rep's own matches alone", async () => {
    const prepared = await sqliteSearch.prepare(t.db, 'please');
    if (!prepared?.ranked) throw new Error('no ranked plan');
    const scope = { siteId: moore.siteId, repId: ana.id };
    const narrowed = await prepared.ranked(null, 50, scope, true, null);
    const wide = await prepared.ranked(null, 50, scope, false, null);
    // Every seeded message says "Please": the rep's few, against the site's first 50.
    const mine = narrowed.map((m) => m.inquiry?.repId);
    expect(mine.length).toBeGreaterThanOrEqual(5);
    expect(mine.every((r) => r === ana.id)).toBe(true);
    expect(wide).toHaveLength(50);
    expect(wide.filter((m) => m.inquiry).length).toBeLessThan(mine.length);
  });

  it('tell a query whose reads merge many words from one that spells them out', async () => {
    const merged = async (query: string) => (await sqliteSearch.prepare(t.db, query))?.merged;
    // "buyer" begins 600 indexed words (buyer0@...), "buyer12" 11, a phrase's last word too.
    expect(await merged('buyer')).toBe(true);
    expect(await merged('buyer12')).toBe(false);
    expect(await merged('please-buyer')).toBe(true);
    expect(await merged('please-buyer12')).toBe(false);
    expect(await merged('please buyer')).toBe(true);
    // A phrase whose last word begins no indexed word matches nothing.
    expect((await sqliteSearch.prepare(t.db, 'please-qqqq'))?.share).toBe(0);
  });

  it("are never matched by a search's own words", async () => {
    // Ana's words and a status as one term (a phrase): not the scope words, which no query's
    // word can spell.
    const hex = (text: string) => Buffer.from(text).toString('hex');
    const query = `r${hex(ana.id)}-t${hex('waiting')}`;
    expect(
      await t.store.listInquiries({ siteId: moore.siteId }, { search: query, limit: 5 }),
    ).toEqual([]);
  });

  it("let a rep's page be read in two statements (one for a wide prefix), and a crowded second's in two", async () => {
    const reads: boolean[] = [];
    const floors: Array<number | null> = [];
    const sizes: number[] = [];
    const counting = inquiryListQueries(
      t.db,
      watchingRanked((args, read) => {
        reads.push(args[3]);
        floors.push(args[4]);
        sizes.push(read.length);
      }),
    );
    // Ana's list (every 40th inquiry, by hand): one page's worth of the site's matches, which
    // holds few of hers, then hers alone. Every inquiry says "please".
    await sql`update inquiries set rep_id = ${ana.id}
      where id like 'seed-%' and cast(substr(id, 6) as integer) % 40 = 0`.execute(t.db);
    const scope = { siteId: moore.siteId, repId: ana.id };
    const hers = await t.store.listInquiries(scope, { limit: 6 });
    expect(await counting.listInquiries(scope, { search: 'please', limit: 6 })).toEqual(hers);
    expect(reads).toEqual([false, true]);
    // "buyer" begins 600 indexed words (buyer0@...), whose lists each read merges: hers alone
    // from the first read.
    reads.length = 0;
    expect(await counting.listInquiries(scope, { search: 'buyer', limit: 6 })).toEqual(hers);
    expect(reads).toEqual([true]);
    // 300 inquiries with news in one second, whose exact times put them in the list in the
    // reverse of the order they took their ranks in: each page takes a read of all matches and
    // one of the rest of that second, whole, from its first rank, however deep the cursor.
    await sql`update inquiries set awaiting_reply = 1, last_activity_at = '2033-01-01T00:00:00.'
        || substr('00' || (999 - cast(substr(id, 6) as integer)), -3) || 'Z'
      where id like 'seed-%' and cast(substr(id, 6) as integer) < 300`.execute(t.db);
    const site = { siteId: moore.siteId };
    const { rows: second } = await sql<{ floor: number }>`select min(search_rank) as floor
      from inquiries where last_activity_at like '2033-01-01T00:00:00.%'`.execute(t.db);
    // Every page of the list, searched: at most three reads each.
    const pages = async (check: (n: number) => void) => {
      let after: Inquiry | undefined;
      for (let n = 0; n < 14; n++) {
        reads.length = 0;
        floors.length = 0;
        sizes.length = 0;
        const expected = await t.store.listInquiries(site, { limit: 25, after });
        const found = await counting.listInquiries(site, { search: 'please', limit: 25, after });
        expect(found, `page ${n + 1}`).toEqual(expected);
        expect(reads.length, `page ${n + 1}`).toBeLessThanOrEqual(3);
        check(n);
        after = expected.at(-1);
      }
    };
    await pages((n) => {
      if (n > 10) return;
      expect(reads, `page ${n + 1}`).toEqual([false, false]);
      expect(floors, `page ${n + 1}`).toEqual([null, Number(second[0]?.floor)]);
      // Of that second only (299 of its rows are left: one was deleted above).
      expect(sizes, `page ${n + 1}`).toEqual([100, 199]);
    });
    // The same second with the list's order in it that of the ranks (one exact time): the
    // first read of a page finds the rows before the cursor, the second reads that second whole.
    await sql`update inquiries set last_activity_at = '2033-01-01T00:00:00.500Z'
      where last_activity_at like '2033-01-01T00:00:00.%'`.execute(t.db);
    await pages(() => {});
    expect(await stale(t)).toEqual([]);
  });

  it("are kept whichever of an update's triggers runs first", async () => {
    // SQLite runs the newest trigger first: 0014's made again after 0026's moves the row before
    // the scope words are written.
    const { rows } = await sql<{ sql: string }>`select sql from sqlite_master
      where name = 'inquiries_search_rank_update'`.execute(t.db);
    await sql`drop trigger inquiries_search_rank_update`.execute(t.db);
    await sql.raw(rows[0]?.sql ?? '').execute(t.db);
    await sql`update inquiries set status = 'open', rep_id = null,
      last_activity_at = '2034-01-01T00:00:00.000Z' where id = ${seedId(21)}`.execute(t.db);
    expect(await stale(t)).toEqual([]);
  });

  it('are not written twice by the migration run again (stopped before it was recorded)', async () => {
    const kept = await triggers(t);
    await searchScope.up(t.db);
    expect(await triggers(t)).toEqual(kept);
    expect(await stale(t)).toEqual([]);
    expect(await ftsRows(t)).toBe(600);
  });

  it('go with down, and come back with up', async () => {
    await migrateTo(t.db, '0025-search-list-place');
    const { rows } = await sql`select 1 from pragma_table_xinfo('inquiries_fts')
      where name = 'scope'`.execute(t.db);
    expect(rows).toEqual([]);
    expect(await triggers(t)).toEqual(before);
    expect(await ftsRows(t)).toBe(600);
    await migrateToLatest(t.db);
    expect(await stale(t)).toEqual([]);
    expect(await ftsRows(t)).toBe(600);
  });
});
