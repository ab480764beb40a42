import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, sql, SqliteDialect, type SqliteDatabase } from 'kysely';
import type { Database } from './database';
import type { SearchAdapter } from './search';

/** Opens (creating if needed) the SQLite file at `path` as a Kysely instance in WAL mode. */
export function openSqlite(path: string): Kysely<Database> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new BetterSqlite(path);
  // WAL lets readers run beside the one writer; busy_timeout waits out a brief lock
  // instead of failing; foreign keys are off by default in SQLite.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  return new Kysely<Database>({
    dialect: new SqliteDialect({ database: keepingStatements(sqlite) }),
    plugins: [new CamelCasePlugin()],
  });
}

// Statements kept per connection; queries with `in (...)` lists make a few more SQL texts.
const KEPT_STATEMENTS = 500;

/**
 * The database as Kysely's driver sees it, with each statement prepared once: Kysely asks for
 * a new one per query, and preparing was an eighth of a widget-config request's time. A kept
 * statement still being iterated (a streamed query) is not handed out twice.
 */
function keepingStatements(sqlite: BetterSqlite.Database): SqliteDatabase {
  const kept = new Map<string, BetterSqlite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text) {
      const statement = kept.get(text);
      if (statement && !statement.busy) return statement;
      const fresh = sqlite.prepare(text);
      if (!statement) {
        if (kept.size >= KEPT_STATEMENTS) kept.delete(kept.keys().next().value ?? '');
        kept.set(text, fresh);
      }
      return fresh;
    },
  };
}

/**
 * FTS5 query text: each word of the query becomes a quoted prefix term ("valv"* matches
 * "valves"), so no query text is ever read as FTS5 syntax. Null when nothing is left.
 */
export function ftsQuery(query: string): string | null {
  // FTS5 reads its query only up to a NUL (which would leave a quote open); no text holds one.
  const terms = query
    .replaceAll('\0', ' ')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 12)
    .map((word) => `"${word.replaceAll('"', '""')}"*`)
    .join(' ');
  return terms || null;
}

/** Full-text search over the FTS5 table the migrations keep in step with the inquiries. */
export const sqliteSearch: SearchAdapter = {
  // A correlated MATCH per row runs the whole text query each time (2.6 s at a million).
  rowByRow: false,
  async candidates(db, query, cap) {
    const terms = ftsQuery(query);
    if (!terms) return null;
    // CROSS JOIN keeps the text index as the outer loop (SQLite never reorders it).
    const { rows } = await sql<{ id: string }>`select i.id from inquiries_fts f
      cross join inquiries i on i.rowid = f.rowid
      where f.inquiries_fts match ${terms} limit ${cap + 1}`.execute(db);
    return rows.length > cap ? null : rows.map((r) => r.id);
  },
  filter(query) {
    const terms = ftsQuery(query);
    if (!terms) return sql<boolean>`1 = 1`;
    return sql<boolean>`inquiries.rowid in (select rowid from inquiries_fts where inquiries_fts match ${terms})`;
  },
};
