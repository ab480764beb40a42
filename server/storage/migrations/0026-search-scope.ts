import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { TellingMigration } from '../migrate';
import { scopeWordsOf } from '../list-place';
import { engineOf } from './engine';

// SQLite: each inquiry's text index row holds the words of its scope, its site, rep and status,
// in a column of their own, `scope` (list-place.ts scopeWordsOf), so that a search in a rep's
// own list or in a status asks FTS5 for the matches there and reads only those (sqlite.ts,
// `ranked`). Before, it read the site's matches in list order and kept the few in scope: at a
// million inquiries, a rep holding 0.5% of them waited 49 ms for "rhein" and 101 ms for
// "valve". The store writes the words with a new document and with a message's move; a trigger
// writes them when an inquiry's site, rep or status changes in place, whoever writes.
// PostgreSQL: nothing (its text index keeps the inquiry's place, 0025).

/** Inquiries copied per statement, with a progress line after each. */
const BATCH = 100_000;

/** The trigger that keeps the scope words when a writer changes them in place. */
async function createScopeTrigger(db: Kysely<unknown>): Promise<void> {
  // A statement that sets the rank itself is the store's, which moves the row with its words
  // (indexMessage). Else the row sits at the old rank, or at the new one if 0014's trigger
  // moved it first in the same statement (SQLite runs the newest trigger first, this one, but
  // does not promise it): both are written, one holds it, and no other row can.
  const words = scopeWordsOf('new');
  await sql`create trigger inquiries_fts_scope after update of site_id, rep_id, status on inquiries
  when (new.site_id is not old.site_id or new.rep_id is not old.rep_id
      or new.status is not old.status)
    and new.search_rank is old.search_rank begin
    update inquiries_fts set scope = ${words} where rowid = old.search_rank;
    update inquiries_fts set scope = ${words}
      where rowid = (select search_rank from inquiries where rowid = new.rowid)
        and rowid is not old.search_rank;
  end`.execute(db);
}

/**
 * Builds the FTS5 table again, with the scope column or without, from the words the old one
 * holds (no message is read or split again). The triggers that name the table are set aside
 * and made again as they were: SQLite checks them as a table is renamed.
 */
async function rebuildIndex(
  db: Kysely<unknown>,
  scoped: boolean,
  tell: (line: string) => void,
): Promise<void> {
  const { rows: triggers } = await sql<{ name: string; sql: string }>`select name, sql
    from sqlite_master where type = 'trigger' and sql like '%inquiries_fts%'`.execute(db);
  for (const t of triggers) await sql`drop trigger ${sql.id(t.name)}`.execute(db);
  await sql`create virtual table inquiries_fts_next using fts5(
    visitor, company, products, body ${scoped ? sql`, scope` : sql``},
    tokenize = 'ascii')`.execute(db);
  await sql`insert into inquiries_fts_next(inquiries_fts_next, rank)
    values ('secure-delete', 1)`.execute(db);
  const { rows: counted } = await sql<{ n: number }>`select count(*) as n
    from inquiries_fts`.execute(db);
  const total = Number(counted[0]?.n ?? 0);
  let after: number | null = null;
  for (let done = 0; ;) {
    const from: RawBuilder<unknown> =
      after === null ? sql`` : sql`and o.rowid > cast(${after} as integer)`;
    // In rowid order, a batch at a time: a cursor on the old table's rowid.
    const { rows }: { rows: { last: number | null; n: number }[] } = await sql<{
      last: number | null;
      n: number;
    }>`select max(r) as last,
        count(*) as n from (select o.rowid as r from inquiries_fts o where 1 ${from}
          order by o.rowid limit ${BATCH})`.execute(db);
    const last: number | null = rows[0]?.last ?? null;
    if (last === null) break;
    const range =
      after === null
        ? sql`o.rowid <= cast(${last} as integer)`
        : sql`o.rowid > cast(${after} as integer) and o.rowid <= cast(${last} as integer)`;
    await (
      scoped
        ? sql`insert into inquiries_fts_next (rowid, visitor, company, products, body, scope)
          select o.rowid, o.visitor, o.company, o.products, o.body, ${scopeWordsOf('i')}
          from inquiries_fts o join inquiries i on i.search_rank = o.rowid where ${range}`
        : sql`insert into inquiries_fts_next (rowid, visitor, company, products, body)
          select o.rowid, o.visitor, o.company, o.products, o.body
          from inquiries_fts o where ${range}`
    ).execute(db);
    done += Number(rows[0]?.n ?? 0);
    tell(`${done} of ${total} text index rows copied`);
    after = Number(last);
  }
  // Copied in batches, the index is left in more segments than rows written one by one would
  // be: "buyer1" at a million inquiries took 23 ms, not 15, until merged (3 s).
  tell('merging the text index');
  await sql`insert into inquiries_fts_next(inquiries_fts_next) values ('optimize')`.execute(db);
  await sql`drop table inquiries_fts`.execute(db);
  await sql`alter table inquiries_fts_next rename to inquiries_fts`.execute(db);
  for (const t of triggers) await sql.raw(t.sql).execute(db);
}

export const searchScope: TellingMigration = {
  async up(db: Kysely<unknown>, tell = () => {}) {
    if (engineOf(db) === 'postgres') return;
    // One transaction, as 0014. Done already when the process stopped after its commit, before
    // the migrator recorded it.
    const { rows: done } = await sql`select 1 from pragma_table_xinfo('inquiries_fts')
      where name = 'scope'`.execute(db);
    if (done.length === 0) {
      await db.transaction().execute(async (trx) => {
        await rebuildIndex(trx, true, tell);
        await createScopeTrigger(trx);
      });
    }
    await sql`pragma wal_checkpoint(truncate)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    if (engineOf(db) === 'postgres') return;
    await db.transaction().execute(async (trx) => {
      await sql`drop trigger inquiries_fts_scope`.execute(trx);
      await rebuildIndex(trx, false, () => {});
    });
  },
};
