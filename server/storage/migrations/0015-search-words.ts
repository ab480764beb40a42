import { sql, type Kysely } from 'kysely';
import type { TellingMigration } from '../migrate';
import { engineOf } from './engine';

// SQLite: the indexed words in a table of their own, `search_words`, which a query's word is
// expanded through (the indexed words it begins, search.ts). FTS5's vocabulary table, used
// before, counts each word's documents by reading its whole list, however few words a query
// asks for: at a million inquiries, 17 ms for "valve" and 22 ms for "please" before the
// search itself ran. The store adds an inquiry's and a message's words as it indexes them
// (search-index.ts); the deletion trigger takes along the words no other document holds (one
// FTS5 lookup each), so that an erasure leaves none of the visitor's words behind.
// PostgreSQL: nothing (its word list has been a table since 0009).

/** The deletion trigger: the words only this row holds, then the row. */
async function createDeleteTrigger(db: Kysely<unknown>): Promise<void> {
  // A row's columns are lines of words without quotes or backslashes (search-text.ts): a JSON
  // array once each space is a separator.
  await sql`create trigger inquiries_fts_delete after delete on inquiries begin
    delete from search_words where word in (select w.value from inquiries_fts f,
        json_each('["' || replace(f.visitor || ' ' || f.company || ' ' || f.products || ' '
          || f.body, ' ', '","') || '"]') w
        where f.rowid = old.search_rank and w.value <> '')
      and not exists (select 1 from inquiries_fts f
        where f.inquiries_fts match '"' || search_words.word || '"'
          and f.rowid <> old.search_rank);
    delete from inquiries_fts where rowid = old.search_rank;
  end`.execute(db);
}

export const searchWords: TellingMigration = {
  async up(db: Kysely<unknown>, tell = () => {}) {
    if (engineOf(db) === 'postgres') return;
    // Done already when the process stopped after the commit, before the migrator recorded it.
    const { rows: done } = await sql`select 1 from sqlite_master
      where type = 'table' and name = 'search_words'`.execute(db);
    if (done.length > 0) return;
    await db.transaction().execute(async (trx) => {
      await sql`create table search_words (word text primary key) without rowid`.execute(trx);
      tell('listing the indexed words');
      await sql`insert into search_words (word) select term from inquiries_fts_vocab`.execute(trx);
      await sql`drop table inquiries_fts_vocab`.execute(trx);
      await sql`drop trigger inquiries_fts_delete`.execute(trx);
      await createDeleteTrigger(trx);
    });
  },
  async down(db: Kysely<unknown>) {
    if (engineOf(db) === 'postgres') return;
    await db.transaction().execute(async (trx) => {
      await sql`drop trigger inquiries_fts_delete`.execute(trx);
      await sql`create trigger inquiries_fts_delete after delete on inquiries begin
        delete from inquiries_fts where rowid = old.search_rank;
      end`.execute(trx);
      await sql`create virtual table inquiries_fts_vocab
        using fts5vocab(inquiries_fts, 'row')`.execute(trx);
      await sql`drop table search_words`.execute(trx);
    });
  },
};
