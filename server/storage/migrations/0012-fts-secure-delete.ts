import { sql, type Kysely, type Migration, type RawBuilder } from 'kysely';
import { engineOf } from './engine';

// SQLite's text index forgets a deleted or rewritten row's words at once (FTS5 secure-delete),
// so that nothing of an erased visitor stays in the file. Before, only an erasure turned it on:
// the older versions of a row that a reply had rewritten (its name and email in each) stayed in
// older index segments until a merge, and an erasure missed them. A new inquiry's row is now
// written once, by its first message, instead of written and then rewritten: secure-delete
// costs only when a reply rewrites it. The index is built again, so no older version stays.
// PostgreSQL rewrites its rows in place (tsvector; VACUUM frees the old tuples).
// On both engines, system lines ("Status changed to closed by Mr. Moore Liu") are no longer
// indexed, and those of inquiries already stored leave the index: a search for "closed" or a
// rep's name found every inquiry they touched.
// PostgreSQL's word list (0009) keeps a deleted inquiry's words that the planner counts as
// common, which on a small installation can be a buyer's name: a visitor's erasure now sets
// `liaison.erasing` for its transaction (postgres.ts erasingPostgres), and every word goes.

const ROW_OF_MESSAGE = sql`(select rowid from inquiries where id = new.inquiry_id)`;

/** PostgreSQL: the document of inquiry `i` as this migration indexes it (no system lines). */
export const POSTGRES_DOCUMENT = sql`to_tsvector('simple',
  coalesce(i.visitor_name, '') || ' ' || i.visitor_email || ' ' ||
  translate(i.visitor_email, '@.', '  ') || ' ' || coalesce(i.visitor_company, '') || ' ' ||
  i.products || ' ' || coalesce((select string_agg(m.body, ' ') from messages m
    where m.inquiry_id = i.id and m.author_kind <> 'system'), ''))`;

/** PostgreSQL: what this migration puts first in the message trigger's function. */
export const SKIP_SYSTEM = sql`if new.author_kind = 'system' then return null; end if;`;

export const ftsSecureDelete: Migration = {
  async up(db: Kysely<unknown>) {
    if (engineOf(db) !== 'sqlite') {
      await postgresMessageFunction(db, SKIP_SYSTEM);
      await postgresDropFunction(
        db,
        sql`(current_setting('liaison.erasing', true) = 'on' or ${COMMON_KEPT})`,
      );
      await sql`update inquiry_search s set document = ${POSTGRES_DOCUMENT}
        from inquiries i
        where i.id = s.inquiry_id
          and exists (select 1 from messages m
            where m.inquiry_id = i.id and m.author_kind = 'system')`.execute(db);
      return;
    }
    // Built again: no older version of a row, and no system line, stays in it.
    for (const old of ['inquiries_fts_insert', 'inquiries_fts_message', 'inquiries_fts_delete']) {
      await sql`drop trigger ${sql.raw(old)}`.execute(db);
    }
    await sql`drop table inquiries_fts_vocab`.execute(db);
    await sql`drop table inquiries_fts`.execute(db);
    await createSqliteIndex(db);
  },
  async down(db: Kysely<unknown>) {
    if (engineOf(db) !== 'sqlite') {
      await postgresMessageFunction(db, sql``);
      await postgresDropFunction(db, COMMON_KEPT);
      return;
    }
    await sql`insert into inquiries_fts(inquiries_fts, rank) values ('secure-delete', 0)`.execute(
      db,
    );
    await sql`drop trigger inquiries_fts_message`.execute(db);
    await sql`create trigger inquiries_fts_insert after insert on inquiries begin
      insert into inquiries_fts(rowid, visitor, company, products, body)
      values (new.rowid, coalesce(new.visitor_name, '') || ' ' || new.visitor_email,
              coalesce(new.visitor_company, ''), new.products, '');
    end`.execute(db);
    await sql`create trigger inquiries_fts_message after insert on messages begin
      update inquiries_fts set body = body || ' ' || new.body where rowid = ${ROW_OF_MESSAGE};
    end`.execute(db);
  },
};

/**
 * SQLite: the text index as this migration builds it (the FTS5 table, filled; its vocabulary;
 * the triggers; secure-delete on), where there is none.
 */
export async function createSqliteIndex(db: Kysely<unknown>): Promise<void> {
  await sql`create virtual table inquiries_fts using fts5(
    visitor, company, products, body, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
  await sql`insert into inquiries_fts(rowid, visitor, company, products, body)
    select i.rowid, coalesce(i.visitor_name, '') || ' ' || i.visitor_email,
           coalesce(i.visitor_company, ''), i.products,
           coalesce((select group_concat(m.body, ' ') from messages m
             where m.inquiry_id = i.id and m.author_kind <> 'system'), '')
    from inquiries i`.execute(db);
  await sql`create virtual table inquiries_fts_vocab
    using fts5vocab(inquiries_fts, 'row')`.execute(db);
  await sql`create trigger inquiries_fts_delete after delete on inquiries begin
    delete from inquiries_fts where rowid = old.rowid;
  end`.execute(db);
  await sql`create trigger inquiries_fts_message after insert on messages
  when new.author_kind <> 'system' begin
    update inquiries_fts set body = body || ' ' || new.body where rowid = ${ROW_OF_MESSAGE};
    insert into inquiries_fts(rowid, visitor, company, products, body)
      select i.rowid, coalesce(i.visitor_name, '') || ' ' || i.visitor_email,
             coalesce(i.visitor_company, ''), i.products, new.body
      from inquiries i
      where i.id = new.inquiry_id
        and not exists (select 1 from inquiries_fts f where f.rowid = i.rowid);
  end`.execute(db);
  await sql`insert into inquiries_fts(inquiries_fts, rank) values ('secure-delete', 1)`.execute(db);
}

// PostgreSQL's trigger function that adds a message to its inquiry's document (full-text.ts),
// with `skip` first.
export async function postgresMessageFunction(db: Kysely<unknown>, skip: RawBuilder<unknown>) {
  await sql`create or replace function inquiry_search_message() returns trigger
    language plpgsql as $$
    begin
      ${skip}
      update inquiry_search set document = document || to_tsvector('simple', new.body)
      where inquiry_id = new.inquiry_id;
      return null;
    end $$`.execute(db);
}

// The word list's delete trigger (full-text.ts createVocabulary) spares the planner's common
// words, which checking would cost most; `kept` says which words it may take.
const COMMON_KEPT = sql`k.term <> all (coalesce((select most_common_elems::text::text[]
  from pg_stats where schemaname = tg_table_schema and tablename = tg_table_name
    and attname = 'document'), '{}'))`;

async function postgresDropFunction(db: Kysely<unknown>, kept: RawBuilder<unknown>) {
  await sql`create or replace function inquiry_search_terms_drop() returns trigger
    language plpgsql as $$
    begin
      delete from inquiry_search_terms k
      where k.term = any (tsvector_to_array(old.document))
        and ${kept}
        and not exists (select 1 from inquiry_search s where s.document @@
          ('''' || replace(replace(k.term, '\\', '\\\\'), '''', '''''') || '''')::tsquery);
      return null;
    end $$`.execute(db);
}
