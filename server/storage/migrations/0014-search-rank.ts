import { sql, type Kysely } from 'kysely';
import type { TellingMigration } from '../migrate';
import { nextRankOf, rankBaseOf } from '../list-place';
import { engineOf } from './engine';

// SQLite: the text index keeps its documents in the inbox's order. Each inquiry has a
// `search_rank` that sorts as the list does (migration comment in list-place.ts, LIST_RANK),
// and its FTS5 row has that rank as rowid, so that FTS5, which reads matches in rowid order,
// reads them newest first: a page of a common query comes from the first matches, however deep
// they are in the list. Before, two common words far down the list ("pumpen seawater" at a
// million inquiries) had every match read and sorted (62 ms), and a short prefix ("buyer1")
// the list read until its first match, 400,000 rows down (77 ms). Triggers keep the rank and
// the row's place as an inquiry's place in the list changes. PostgreSQL: nothing (a GIN index
// has no order).

/** The rank of the inquiry row `row` (new, in a trigger) takes now. */
const rankOf = (row: string) =>
  nextRankOf(sql.ref(`${row}.awaiting_reply`), sql.ref(`${row}.last_activity_at`));

type Key = 'rowid' | 'search_rank';

/**
 * The triggers that give an inquiry its rank and move its text index row there, for writers
 * that do not (the store does, in the statement that writes the inquiry: an update of the row
 * just written cost about 0.1 ms, and a message moved the row and added its words in two
 * rewrites).
 */
async function createRankTriggers(db: Kysely<unknown>): Promise<void> {
  await sql`create trigger inquiries_search_rank_insert after insert on inquiries
  when new.search_rank is null begin
    update inquiries set search_rank = ${rankOf('new')} where rowid = new.rowid;
  end`.execute(db);
  // FTS5 moves the row (a delete and an insert of its words, as for a message's words).
  await sql`create trigger inquiries_search_rank_update
  after update of awaiting_reply, last_activity_at on inquiries
  when (new.awaiting_reply is not old.awaiting_reply
      or new.last_activity_at is not old.last_activity_at)
    and new.search_rank is old.search_rank begin
    update inquiries set search_rank = ${rankOf('new')} where rowid = new.rowid;
    update inquiries_fts set rowid = (select search_rank from inquiries where rowid = new.rowid)
      where rowid = old.search_rank;
  end`.execute(db);
  await sql`create trigger inquiries_fts_delete after delete on inquiries begin
    delete from inquiries_fts where rowid = old.search_rank;
  end`.execute(db);
}

/**
 * The FTS5 table built again with each row moved from its inquiry's column `from` to `to`
 * (rowid or search_rank), from the words the old table holds (no message is read or split
 * again).
 */
async function moveIndex(db: Kysely<unknown>, from: Key, to: Key): Promise<void> {
  await sql`drop table inquiries_fts_vocab`.execute(db);
  await sql`alter table inquiries_fts rename to inquiries_fts_old`.execute(db);
  await sql`create virtual table inquiries_fts using fts5(
    visitor, company, products, body, tokenize = 'ascii')`.execute(db);
  await sql`insert into inquiries_fts(inquiries_fts, rank) values ('secure-delete', 1)`.execute(db);
  await sql`insert into inquiries_fts (rowid, visitor, company, products, body)
    select i.${sql.raw(to)}, o.visitor, o.company, o.products, o.body
    from inquiries_fts_old o join inquiries i on i.${sql.raw(from)} = o.rowid`.execute(db);
  await sql`drop table inquiries_fts_old`.execute(db);
  await sql`create virtual table inquiries_fts_vocab
    using fts5vocab(inquiries_fts, 'row')`.execute(db);
}

/** Gives every inquiry its rank and moves its text index row there (one transaction). */
async function rankEveryInquiry(trx: Kysely<unknown>, tell: (line: string) => void) {
  await sql`drop trigger inquiries_fts_delete`.execute(trx);
  await sql`alter table inquiries add column search_rank integer`.execute(trx);
  tell('ranking the inquiries in list order');
  // Inquiries of one second take its ranks in id order (the list's order among them).
  const base = rankBaseOf(sql.ref('awaiting_reply'), sql.ref('last_activity_at'));
  await sql`with ranked as (
      select rowid as r, row_number() over (partition by b order by id) - 1 + b as rank
      from (select rowid, id, ${base} as b from inquiries))
    update inquiries set search_rank = ranked.rank from ranked
    where inquiries.rowid = ranked.r`.execute(trx);
  await sql`create unique index inquiries_search_rank on inquiries (search_rank)`.execute(trx);
  tell('moving the text index to list order');
  await moveIndex(trx, 'rowid', 'search_rank');
  await createRankTriggers(trx);
}

export const searchRank: TellingMigration = {
  async up(db: Kysely<unknown>, tell = () => {}) {
    if (engineOf(db) === 'postgres') return;
    // One transaction, as 0013 (Kysely runs SQLite's migrations without one). Done already when
    // the process stopped after its commit, before the migrator recorded it.
    const { rows: done } = await sql`select 1 from pragma_table_info('inquiries')
      where name = 'search_rank'`.execute(db);
    if (done.length === 0) await db.transaction().execute((trx) => rankEveryInquiry(trx, tell));
    await sql`pragma wal_checkpoint(truncate)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    if (engineOf(db) === 'postgres') return;
    await db.transaction().execute(async (trx) => {
      for (const trigger of [
        'inquiries_search_rank_insert',
        'inquiries_search_rank_update',
        'inquiries_fts_delete',
      ]) {
        await sql`drop trigger ${sql.raw(trigger)}`.execute(trx);
      }
      // Back at the inquiry's rowid, with 0012's deletion trigger (as 0013 kept it).
      await moveIndex(trx, 'search_rank', 'rowid');
      await sql`drop index inquiries_search_rank`.execute(trx);
      await sql`alter table inquiries drop column search_rank`.execute(trx);
      await sql`create trigger inquiries_fts_delete after delete on inquiries begin
        delete from inquiries_fts where rowid = old.rowid;
      end`.execute(trx);
    });
  },
};
