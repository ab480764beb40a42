import { sql, type Kysely, type RawBuilder } from 'kysely';
import { compiledStatement } from './compiled-statement';
import { engineOf } from './migrations/engine';
import type { Product } from './records';
import {
  inquiryLines,
  searchLineOf,
  searchWordsOf,
  TSVECTOR_BYTES,
  tsvectorBytes,
  tsvectorOf,
  type InquiryText,
} from './search-text';
import { scopeWordsOf, type RankMove } from './list-place';

// Writes the text index (migration 0013): the store, as it stores an inquiry or a message, in
// its transaction; the migration and the benchmark's seeding, in bulk. The words are
// search-text.ts's on both engines: SQLite's FTS5 row per inquiry (rowid = the inquiry's
// `search_rank`, list-place.ts, since migration 0014; columns visitor, company, products, body,
// and scope since 0026)
// and PostgreSQL's tsvector per inquiry. A deleted inquiry's document goes by trigger (SQLite)
// or cascade (PostgreSQL).

/**
 * Which SQLite index is written: today's; migration 0014's (the FTS5 row at the inquiry's rank,
 * with no scope words, 0026); or 0013's (at the inquiry's rowid, and no word list: FTS5's
 * vocabulary was).
 */
export type SqliteIndex = 'latest' | '0014' | '0013';

/** An inquiry to index: what it says of itself and what its people wrote so far. */
export interface IndexedInquiry extends InquiryText {
  id: string;
  /** What its people wrote so far (the messages, oldest first, without system lines). */
  body: string;
}

// The statements that write new inquiries' documents (compiled-statement.ts): SQLite's row
// of an inquiry, at its rank with its scope words (or, as of migration 0014, at its rank
// without them; as of 0013, at its rowid) ...
const documentAt = (rowid: 'search_rank' | 'rowid', scoped: boolean) =>
  compiledStatement(
    (
      db: Kysely<unknown>,
      v: { id: string; visitor: string; company: string; products: string; body: string },
    ) =>
      sql`insert into inquiries_fts (rowid, visitor, company, products, body
          ${scoped ? sql`, scope` : sql``})
        select ${sql.raw(rowid)}, ${v.visitor}, ${v.company}, ${v.products}, ${v.body}
          ${scoped ? sql`, ${scopeWordsOf('inquiries')}` : sql``}
        from inquiries where id = ${v.id}`,
  );
const documentInserted = {
  latest: documentAt('search_rank', true),
  '0014': documentAt('search_rank', false),
  '0013': documentAt('rowid', false),
};
// ... SQLite's word list, and PostgreSQL's documents, all in one statement.
const wordsListed = compiledStatement(
  (db: Kysely<unknown>, v: { words: string }) =>
    sql`insert or ignore into search_words (word) select value from json_each(${v.words})`,
);
const documentsInserted = compiledStatement(
  (db: Kysely<unknown>, v: { ids: string[]; documents: string[] }) =>
    sql`insert into inquiry_search (inquiry_id, document)
      select * from unnest(${v.ids}::text[], ${v.documents}::tsvector[])`,
);

/** Writes the documents of inquiries that have none yet. */
export async function indexInquiries<T>(
  db: Kysely<T>,
  inquiries: IndexedInquiry[],
  at: SqliteIndex = 'latest',
) {
  if (inquiries.length === 0) return;
  if (engineOf(db) === 'postgres') {
    const documents = inquiries.map((i) => {
      const { visitor, company, products } = inquiryLines(i);
      const fields = [visitor, company, products].map((line) => (line ? line.split(' ') : []));
      // A body of no words still takes its place, so that the next message's words do not
      // follow the products' as a phrase (on FTS5 they are another column).
      const body = searchWordsOf(i.body);
      return tsvectorOf([...fields, body.length > 0 ? body : [NO_WORDS]]).literal;
    });
    await documentsInserted(db as Kysely<unknown>, {
      ids: inquiries.map((i) => i.id),
      documents,
    });
    return;
  }
  for (const inquiry of inquiries) {
    const { visitor, company, products } = inquiryLines(inquiry);
    const body = searchLineOf(inquiry.body);
    await documentInserted[at](db as Kysely<unknown>, {
      id: inquiry.id,
      visitor,
      company,
      products,
      body,
    });
    if (at !== '0013') await listWords(db, [visitor, company, products, body].join(' '));
  }
}

/** The most a word may take of a tsvector: 64 characters of 4 bytes, and 256 positions. */
const WORD_BYTES_MAX = tsvectorBytes('\u{10000}'.repeat(64), 256);

/** A lexeme no query asks for (no word holds a space), holding the place of a wordless body. */
const NO_WORDS = ' ';

/**
 * Adds a message's words to its inquiry's document, and on SQLite moves it as the message's
 * change of the inquiry did (`rankMoveOf`); with no word to add and no move, nothing is written.
 */
export async function indexMessage<T>(
  db: Kysely<T>,
  inquiryId: string,
  body: string,
  move: RankMove | null = null,
) {
  const words = searchWordsOf(body);
  if (move) {
    const appended = words.length > 0 ? sql`body || ' ' || ${words.join(' ')}` : sql`body`;
    // With the scope the change gave it (migration 0026's trigger leaves a row the store moves
    // to the store): one rewrite.
    await sql`update inquiries_fts set rowid = cast(${move.to} as integer), body = ${appended},
        scope = (select ${scopeWordsOf('i')} from inquiries i where i.id = ${inquiryId})
      where rowid = cast(${move.from} as integer)`.execute(db);
    if (words.length > 0) await listWords(db, words.join(' '));
    return;
  }
  if (words.length === 0) return;
  if (engineOf(db) === 'postgres') {
    // A tsvector holds at most 1 MB (its words and their positions); past that, || fails, and
    // with it the message's transaction. The message is stored all the same, unindexed: after
    // about a hundred messages of 8,000 characters in words never used before.
    const { literal, bytes } = tsvectorOf([words]);
    const room = TSVECTOR_BYTES - bytes;
    // Counted word by word only for a document of so many words that it might be near full.
    // With the inquiry's place in the list as the message left it (migration 0025): one row
    // version for both, and the commit's trigger finds nothing left to write.
    await sql`update inquiry_search set document = document || ${literal}::tsvector,
        ${listPlace}
      where inquiry_id = ${inquiryId}
        and case when length(document) <= ${Math.floor(room / WORD_BYTES_MAX)} then true
          else (select sum(octet_length(u.lexeme) + octet_length(u.lexeme) % 2 + 2
              + 2 * cardinality(u.positions)) from unnest(document) u) <= ${room} end`.execute(db);
    return;
  }
  await sql`update inquiries_fts set body = body || ' ' || ${words.join(' ')}
    where rowid = (select search_rank from inquiries where id = ${inquiryId})`.execute(db);
  await listWords(db, words.join(' '));
}

/** PostgreSQL: `inquiry_search`'s copy of its inquiry's place in the list (migration 0025). */
const listPlace = sql`(site_id, rep_id, status, awaiting_reply, last_activity_at) =
  (select i.site_id, i.rep_id, i.status, i.awaiting_reply, i.last_activity_at
    from inquiries i where i.id = inquiry_search.inquiry_id)`;

/** SQLite: adds the words of `line` to the word list (migration 0015), those not yet in it. */
async function listWords<T>(db: Kysely<T>, line: string) {
  const words = [...new Set(line.split(' '))].filter((w) => w !== '');
  if (words.length === 0) return;
  await wordsListed(db as Kysely<unknown>, { words: JSON.stringify(words) });
}

/** Inquiries indexed per statement when the whole index is written (migration 0013). */
const REBUILD_BATCH = 1000;

/**
 * Writes the document of every inquiry, into an empty index, a batch at a time in id order;
 * `progress(done)` after each batch.
 */
export async function indexEveryInquiry<T>(
  db: Kysely<T>,
  progress: (done: number) => void = () => {},
  at: SqliteIndex = 'latest',
): Promise<void> {
  let after = '';
  let done = 0;
  for (;;) {
    const batch = await inquiriesToIndex(
      db,
      sql`i.id > ${after} order by i.id limit ${REBUILD_BATCH}`,
    );
    await indexInquiries(db, batch, at);
    done += batch.length;
    progress(done);
    const last = batch[batch.length - 1];
    if (!last || batch.length < REBUILD_BATCH) return;
    after = last.id;
  }
}

/**
 * Writes the documents of these inquiries again, from what they hold now (migration 0017, after
 * a change of the words a text is split into); `progress(done)` after each batch.
 */
export async function indexAgain<T>(
  db: Kysely<T>,
  ids: string[],
  progress: (done: number) => void = () => {},
  at: SqliteIndex = 'latest',
): Promise<void> {
  const postgres = engineOf(db) === 'postgres';
  for (let done = 0; done < ids.length;) {
    const batch = ids.slice(done, done + REBUILD_BATCH);
    const list = sql.join(batch);
    // PostgreSQL's deletion trigger takes along the words no other document holds; SQLite's
    // word list keeps them (its caller clears what it changed).
    await (
      postgres
        ? sql`delete from inquiry_search where inquiry_id in (${list})`
        : sql`delete from inquiries_fts where rowid in
          (select search_rank from inquiries where id in (${list}))`
    ).execute(db);
    await indexInquiries(db, await inquiriesToIndex(db, sql`i.id in (${list})`), at);
    done += batch.length;
    progress(done);
  }
}

/** The inquiries `where` (a condition on `i`, and its order) chooses, as they are indexed. */
async function inquiriesToIndex<T>(
  db: Kysely<T>,
  where: RawBuilder<unknown>,
): Promise<IndexedInquiry[]> {
  // The bodies joined by a space, which the words of each end at anyway.
  const bodies =
    engineOf(db) === 'postgres'
      ? sql`(select string_agg(m.body, ' ' order by m.created_at, m.id) from messages m
        where m.inquiry_id = i.id and m.author_kind <> 'system')`
      : sql`(select group_concat(body, ' ') from (select m.body from messages m
        where m.inquiry_id = i.id and m.author_kind <> 'system' order by m.created_at, m.id))`;
  // Columns named without an underscore: a caller's CamelCasePlugin would rename them.
  const { rows } = await sql<{
    id: string;
    name: string | null;
    email: string;
    company: string | null;
    country: string | null;
    phone: string | null;
    products: string;
    bodies: string | null;
  }>`select i.id, i.visitor_name as name, i.visitor_email as email,
      i.visitor_company as company, i.visitor_country as country, i.visitor_phone as phone,
      i.products,
      ${bodies} as bodies
    from inquiries i where ${where}`.execute(db);
  return rows.map((r) => ({
    id: r.id,
    visitor: {
      name: r.name,
      email: r.email,
      company: r.company,
      country: r.country,
      phone: r.phone,
    },
    products: JSON.parse(r.products) as Product[],
    body: r.bodies ?? '',
  }));
}
