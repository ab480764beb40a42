import { CamelCasePlugin, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './database';
import { ReplaceNulPlugin } from './postgres-nul';
import {
  MAX_EXPANSION,
  prefixRange,
  searchWords,
  type PreparedSearch,
  type SearchAdapter,
} from './search';

/** Connections one process keeps to PostgreSQL (the LISTEN client of the event bus is extra). */
const POOL_SIZE = 10;

/** A Kysely instance on the PostgreSQL database at `url` (postgres://user:pass@host:port/db). */
export function openPostgres(url: string): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  // An idle client that loses its server (a restart, a failover) emits 'error' on the pool;
  // unhandled, that would end the process. The next query opens a new connection.
  pool.on('error', (err) => console.error('[db] idle PostgreSQL connection lost:', err.message));
  return new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin(), new ReplaceNulPlugin()],
  });
}

/**
 * tsquery text: each word becomes a quoted prefix lexeme ('valv':* matches "valves"), joined
 * with &, so no query text is ever read as tsquery syntax. `to_tsquery('simple', ...)` still
 * splits a quoted word the way `to_tsvector('simple', ...)` split the document ("foo-bar" ->
 * foo-bar & foo & bar).
 */
export function tsQuery(words: string[]): string {
  return words
    .map((word) => `'${word.replaceAll('\\', '\\\\').replaceAll("'", "''")}':*`)
    .join(' & ');
}

/** A lexeme as tsquery input, taken as it is (no parser, no dictionary). */
const lexeme = (term: string) => `'${term.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;

/**
 * Full-text search over `inquiry_search` (one tsvector per inquiry, GIN-indexed, kept by the
 * triggers of migrations 0002 and 0009): who, which company, which products, and every message.
 * A word that the parser reads as one lexeme becomes the lexemes it begins, from
 * `inquiry_search_terms` (0009): GIN matches a prefix by collecting every matching entry's
 * whole posting list ("seawater flange" took 60 ms), exact lexemes by seeking (3 ms).
 */
export const postgresSearch: SearchAdapter = {
  async prepare(db, query) {
    const words = searchWords(query);
    if (words.length === 0) return null;
    const prefixes: string[] = [];
    const expanded: string[] = [];
    for (const word of words) {
      const lower = word.toLowerCase();
      if (!/^([a-z][a-z0-9]*|[0-9]+)$/.test(lower)) {
        prefixes.push(word);
        continue;
      }
      const { from, to } = prefixRange(lower);
      // Only a word the parser reads as that one lexeme ("2e10x" is 2e10 and x) is replaced.
      const { rows } = await sql<{ one: boolean; terms: string[] }>`select
        tsvector_to_array(to_tsvector('simple', ${word})) = array[${lower}]::text[] as one,
        array(select term from inquiry_search_terms where term >= ${from} and term < ${to}
          order by term limit ${MAX_EXPANSION + 1}) as terms`.execute(db);
      const { one = false, terms = [] } = rows[0] ?? {};
      if (!one || terms.length > MAX_EXPANSION) prefixes.push(word);
      else if (terms.length === 0) return nothing;
      else expanded.push(`(${terms.map(lexeme).join(' | ')})`);
    }
    const parts = [];
    if (prefixes.length > 0) parts.push(sql`to_tsquery('simple', ${tsQuery(prefixes)})`);
    if (expanded.length > 0) parts.push(sql`${expanded.join(' & ')}::tsquery`);
    const terms = sql`(${sql.join(parts, sql` && `)})`;
    return {
      share: null,
      async among(ids) {
        if (ids.length === 0) return new Set();
        const { rows } = await sql<{ id: string }>`select inquiry_id as id from inquiry_search
          where inquiry_id = any(${ids}) and document @@ ${terms}`.execute(db);
        return new Set(rows.map((r) => r.id));
      },
      async candidates(cap) {
        // Planned apart from the limit: the planner takes a few rare lexemes for a tenth of
        // the table, and with a limit would scan it (1.2 s for "buyer12345" at a million).
        const { rows } = await sql<{ id: string }>`with matches as materialized
          (select inquiry_id from inquiry_search where document @@ ${terms})
          select inquiry_id as id from matches limit ${cap + 1}`.execute(db);
        return rows.length > cap ? null : rows.map((r) => r.id);
      },
      // Checked row by row as the list index is walked, stopping with the page. An IN or EXISTS
      // would be planned as a semi-join, and the planner, which misjudges prefix matches, may
      // hash every match first.
      filter: sql<boolean>`(select s.document from inquiry_search s
        where s.inquiry_id = inquiries.id) @@ ${terms}`,
    };
  },
};

/** A query a word of which begins no indexed lexeme: it matches nothing. */
const nothing: PreparedSearch = {
  share: 0,
  among: async () => new Set(),
  candidates: async () => [],
  filter: sql<boolean>`false`,
};
