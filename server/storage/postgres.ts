import { CamelCasePlugin, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './database';
import { ReplaceNulPlugin } from './postgres-nul';
import type { SearchAdapter } from './search';

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
 * tsquery text: each word of the query becomes a quoted prefix lexeme ('valv':* matches
 * "valves"), joined with &, so no query text is ever read as tsquery syntax. Null when
 * nothing is left. `to_tsquery('simple', ...)` still splits a quoted word the way
 * `to_tsvector('simple', ...)` split the document ("foo-bar" -> foo-bar & foo & bar).
 */
export function tsQuery(query: string): string | null {
  // PostgreSQL text cannot hold a NUL at all (the driver would fail the whole query).
  const terms = query
    .replaceAll('\0', ' ')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 12)
    .map((word) => `'${word.replaceAll('\\', '\\\\').replaceAll("'", "''")}':*`)
    .join(' & ');
  return terms || null;
}

/**
 * Full-text search over `inquiry_search` (one tsvector per inquiry, GIN-indexed, kept by the
 * triggers of migration 0002): who, which company, which products, and every message.
 */
export const postgresSearch: SearchAdapter = {
  rowByRow: true,
  async candidates(db, query, cap) {
    const terms = tsQuery(query);
    if (!terms) return null;
    const { rows } = await sql<{ id: string }>`select inquiry_id as id from inquiry_search
      where document @@ to_tsquery('simple', ${terms}) limit ${cap + 1}`.execute(db);
    return rows.length > cap ? null : rows.map((r) => r.id);
  },
  filter(query) {
    const terms = tsQuery(query);
    if (!terms) return sql<boolean>`true`;
    // Used when there are many matches: a correlated subquery is checked row by row as the
    // list index is walked, and stops with the page. An IN or EXISTS would be planned as a
    // semi-join, and the planner, which misjudges prefix matches, may hash every match first.
    return sql<boolean>`(select s.document from inquiry_search s
      where s.inquiry_id = inquiries.id) @@ to_tsquery('simple', ${terms})`;
  },
};
