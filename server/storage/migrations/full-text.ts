import { sql, type Kysely } from 'kysely';
import { engineOf } from './engine';

// The full-text index of migration 0002 (and its vocabulary, 0009), per engine: one document
// per inquiry with who (name and email), which company, which products, and every message,
// kept in step with the tables by triggers. The search adapters (storage/sqlite.ts,
// storage/postgres.ts) read it.

/** Creates the index and fills it from the inquiries and messages already stored. */
export async function createFullText(db: Kysely<unknown>): Promise<void> {
  if (engineOf(db) === 'postgres') await createTsvector(db);
  else await createFts5(db);
}

/** Drops what `createFullText` made. */
export async function dropFullText(db: Kysely<unknown>): Promise<void> {
  if (engineOf(db) === 'postgres') {
    await sql`drop table inquiry_search`.execute(db);
    await sql`drop function inquiry_search_insert, inquiry_search_message cascade`.execute(db);
  } else {
    await sql`drop table inquiries_fts`.execute(db);
  }
}

// SQLite: an FTS5 table whose rowid is the inquiry's rowid.
async function createFts5(db: Kysely<unknown>): Promise<void> {
  await sql`create virtual table inquiries_fts using fts5(
    visitor, company, products, body, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
  await sql`create trigger inquiries_fts_insert after insert on inquiries begin
    insert into inquiries_fts(rowid, visitor, company, products, body)
    values (new.rowid, coalesce(new.visitor_name, '') || ' ' || new.visitor_email,
            coalesce(new.visitor_company, ''), new.products, '');
  end`.execute(db);
  await sql`create trigger inquiries_fts_message after insert on messages begin
    update inquiries_fts set body = body || ' ' || new.body
    where rowid = (select rowid from inquiries where id = new.inquiry_id);
  end`.execute(db);
  await sql`create trigger inquiries_fts_delete after delete on inquiries begin
    delete from inquiries_fts where rowid = old.rowid;
  end`.execute(db);
  await sql`insert into inquiries_fts(rowid, visitor, company, products, body)
    select i.rowid, coalesce(i.visitor_name, '') || ' ' || i.visitor_email,
           coalesce(i.visitor_company, ''), i.products,
           coalesce((select group_concat(m.body, ' ') from messages m where m.inquiry_id = i.id), '')
    from inquiries i`.execute(db);
}

// PostgreSQL: a tsvector per inquiry ('simple': no stemming or stop words, like unicode61)
// with a GIN index. The email is also indexed split at '@' and '.', since the parser keeps an
// address as one token and FTS5 matches "buyer" in jane@buyer.example.
async function createTsvector(db: Kysely<unknown>): Promise<void> {
  await sql`create table inquiry_search (
    inquiry_id text primary key references inquiries (id) on delete cascade,
    document tsvector not null)`.execute(db);
  await sql`create index inquiry_search_document on inquiry_search using gin (document)`.execute(
    db,
  );
  await createTsvectorTriggers(db);
  await sql`insert into inquiry_search (inquiry_id, document)
    select i.id, to_tsvector('simple',
      coalesce(i.visitor_name, '') || ' ' || i.visitor_email || ' ' ||
      translate(i.visitor_email, '@.', '  ') || ' ' || coalesce(i.visitor_company, '') || ' ' ||
      i.products || ' ' ||
      coalesce((select string_agg(m.body, ' ') from messages m where m.inquiry_id = i.id), ''))
    from inquiries i`.execute(db);
}

/** PostgreSQL: the triggers that index a new inquiry and each new message (until 0013). */
export async function createTsvectorTriggers(db: Kysely<unknown>): Promise<void> {
  await sql`create function inquiry_search_insert() returns trigger language plpgsql as $$
    begin
      insert into inquiry_search (inquiry_id, document) values (new.id, to_tsvector('simple',
        coalesce(new.visitor_name, '') || ' ' || new.visitor_email || ' ' ||
        translate(new.visitor_email, '@.', '  ') || ' ' ||
        coalesce(new.visitor_company, '') || ' ' || new.products));
      return null;
    end $$`.execute(db);
  await sql`create trigger inquiry_search_insert after insert on inquiries
    for each row execute function inquiry_search_insert()`.execute(db);
  await sql`create function inquiry_search_message() returns trigger language plpgsql as $$
    begin
      update inquiry_search set document = document || to_tsvector('simple', new.body)
      where inquiry_id = new.inquiry_id;
      return null;
    end $$`.execute(db);
  await sql`create trigger inquiry_search_message after insert on messages
    for each row execute function inquiry_search_message()`.execute(db);
}

// Migration 0009: the words of the text index, so that a search can replace a prefix by the
// indexed words it begins (storage/search.ts). SQLite reads them from FTS5 itself; PostgreSQL
// keeps its lexemes in a table, one row each, kept by triggers. No unique key: a write never
// waits on another for a new word, and the rare word two writers add at once is listed twice.
// A deleted inquiry takes along the words no other inquiry holds (names, addresses: privacy),
// except the common ones of the planner's statistics, which checking would cost most.
// (An inquiry written while the last other one with its rare word is deleted may keep the
// word out of the table: a search then asks for that word as a prefix (postgres.ts), but one
// whose other expansions are listed still misses the inquiry until the word comes again.)

/** Creates the vocabulary of the text index, filled from what is indexed already. */
export async function createVocabulary(db: Kysely<unknown>): Promise<void> {
  if (engineOf(db) === 'sqlite') {
    await sql`create virtual table inquiries_fts_vocab
      using fts5vocab(inquiries_fts, 'row')`.execute(db);
    return;
  }
  await sql`create table inquiry_search_terms (term text collate "C" not null)`.execute(db);
  await sql`insert into inquiry_search_terms (term)
    select distinct unnest(tsvector_to_array(document)) from inquiry_search`.execute(db);
  await sql`create index inquiry_search_terms_term on inquiry_search_terms (term)`.execute(db);
  await sql`create function inquiry_search_terms_add() returns trigger language plpgsql as $$
    declare
      known text[] := '{}';
    begin
      if tg_op = 'UPDATE' then known := tsvector_to_array(old.document); end if;
      insert into inquiry_search_terms (term)
      select t from unnest(tsvector_to_array(new.document)) t
      where t <> all (known)
        and not exists (select 1 from inquiry_search_terms k where k.term = t);
      return null;
    end $$`.execute(db);
  await sql`create trigger inquiry_search_terms_add after insert or update of document
    on inquiry_search for each row execute function inquiry_search_terms_add()`.execute(db);
  await sql`create function inquiry_search_terms_drop() returns trigger language plpgsql as $$
    begin
      delete from inquiry_search_terms k
      where k.term = any (tsvector_to_array(old.document))
        and k.term <> all (coalesce((select most_common_elems::text::text[] from pg_stats
          where schemaname = tg_table_schema and tablename = tg_table_name
            and attname = 'document'), '{}'))
        and not exists (select 1 from inquiry_search s where s.document @@
          ('''' || replace(replace(k.term, '\\', '\\\\'), '''', '''''') || '''')::tsquery);
      return null;
    end $$`.execute(db);
  await sql`create trigger inquiry_search_terms_drop after delete on inquiry_search
    for each row execute function inquiry_search_terms_drop()`.execute(db);
}

/** Drops what `createVocabulary` made. */
export async function dropVocabulary(db: Kysely<unknown>): Promise<void> {
  if (engineOf(db) === 'sqlite') {
    await sql`drop table inquiries_fts_vocab`.execute(db);
    return;
  }
  await sql`drop table inquiry_search_terms`.execute(db);
  await sql`drop function if exists inquiry_search_terms_add, inquiry_search_terms_drop cascade`.execute(
    db,
  );
}
