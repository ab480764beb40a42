import { sql, type Kysely } from 'kysely';
import type { TellingMigration } from '../migrate';
import { indexEveryInquiry } from '../search-index';
import { engineOf } from './engine';
import { createTsvectorTriggers } from './full-text';
import {
  createSqliteIndex,
  POSTGRES_DOCUMENT,
  postgresMessageFunction,
  SKIP_SYSTEM,
} from './0012-fts-secure-delete';

// The text index holds the words of one tokenizer, the store's (search-text.ts), on both
// engines, and the store writes it as it stores an inquiry or a message (search-index.ts)
// instead of triggers feeding each engine's own parser. The engines split text differently:
// PostgreSQL kept an email, a URL or "a/b" as one token and accents as they were; FTS5 split
// Arabic at its vowel marks; both kept a run of Chinese as one word, so 阀门 inside a sentence
// was never found. Products are indexed by name, SKU and category (not their JSON keys and
// links). The index is built again from the tables; the deletion trigger (SQLite) and the
// cascade and word list (PostgreSQL) stay.

export const searchText: TellingMigration = {
  async up(db: Kysely<unknown>, tell = () => {}) {
    if (engineOf(db) === 'postgres') {
      await sql`drop trigger inquiry_search_insert on inquiries`.execute(db);
      await sql`drop trigger inquiry_search_message on messages`.execute(db);
      await sql`drop function inquiry_search_insert, inquiry_search_message`.execute(db);
      await fillPostgres(db, () =>
        indexEveryInquiry(
          db,
          every10s((done) => tell(`${done} inquiries indexed`)),
        ),
      );
      return;
    }
    // In one transaction: Kysely runs SQLite's migrations without one, and a rebuild stopped
    // halfway (a crash, Ctrl-C, a row that cannot be read) would leave a schema this migration
    // could not start on again.
    await db.transaction().execute(async (trx) => {
      // (If exists: a crash after the commit, before the migrator recorded it, runs it again.)
      await sql`drop trigger if exists inquiries_fts_message`.execute(trx);
      await sql`drop table if exists inquiries_fts_vocab`.execute(trx);
      await sql`drop table if exists inquiries_fts`.execute(trx);
      // `ascii`: the words come split and folded; every non-ASCII character is part of one.
      await sql`create virtual table inquiries_fts using fts5(
        visitor, company, products, body, tokenize = 'ascii')`.execute(trx);
      await sql`insert into inquiries_fts(inquiries_fts, rank) values ('secure-delete', 1)`.execute(
        trx,
      );
      await indexEveryInquiry(
        trx,
        every10s((done) => tell(`${done} inquiries indexed`)),
        '0013',
      );
      await sql`create virtual table inquiries_fts_vocab
        using fts5vocab(inquiries_fts, 'row')`.execute(trx);
    });
    // The WAL holds the whole new index and the old one's zeroed pages (hundreds of MB at a
    // million inquiries): back into the file, and the WAL emptied.
    await sql`pragma wal_checkpoint(truncate)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    if (engineOf(db) === 'postgres') {
      await createTsvectorTriggers(db);
      await postgresMessageFunction(db, SKIP_SYSTEM);
      await fillPostgres(db, async () => {
        await sql`insert into inquiry_search (inquiry_id, document)
          select i.id, ${POSTGRES_DOCUMENT} from inquiries i`.execute(db);
      });
      return;
    }
    await db.transaction().execute(async (trx) => {
      await sql`drop trigger inquiries_fts_delete`.execute(trx);
      await sql`drop table inquiries_fts_vocab`.execute(trx);
      await sql`drop table inquiries_fts`.execute(trx);
      await createSqliteIndex(trx);
    });
  },
};

/**
 * PostgreSQL: empties the documents and the word list, has `fill` write every document, then
 * lists their words, builds the GIN index again (faster than keeping both up row by row) and
 * has the planner read the new documents (in the migrator's transaction, as all of 0013).
 */
async function fillPostgres(db: Kysely<unknown>, fill: () => Promise<void>): Promise<void> {
  await sql`truncate inquiry_search, inquiry_search_terms`.execute(db);
  await sql`drop index inquiry_search_document`.execute(db);
  await sql`alter table inquiry_search disable trigger inquiry_search_terms_add`.execute(db);
  await fill();
  await sql`alter table inquiry_search enable trigger inquiry_search_terms_add`.execute(db);
  await sql`insert into inquiry_search_terms (term)
    select distinct unnest(tsvector_to_array(document)) from inquiry_search`.execute(db);
  await sql`create index inquiry_search_document on inquiry_search using gin (document)`.execute(
    db,
  );
  // The planner's common words (postgres.ts, and the word list's delete trigger) are those of
  // the documents now, not of the old ones until autovacuum comes by.
  await sql`analyze inquiry_search`.execute(db);
}

/** `tell`, at most every ten seconds: a long rebuild says how far it is, a short one nothing. */
function every10s(tell: (done: number) => void): (done: number) => void {
  let next = Date.now() + 10_000;
  return (done) => {
    if (Date.now() < next) return;
    next = Date.now() + 10_000;
    tell(done);
  };
}
