import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite from 'better-sqlite3';
import {
  CamelCasePlugin,
  CompiledQuery,
  Kysely,
  sql,
  SqliteDialect,
  type Selectable,
  type SqliteDatabase,
  type Transaction,
} from 'kysely';
import type { Database, InquiriesTable } from './database';
import { toInquiry } from './rows';
import { LIST_RANK, scopeWords } from './list-place';
import {
  expandable,
  MAX_EXPANSION,
  prefixRange,
  searchTerms,
  type PreparedSearch,
  type RankedScope,
  type SearchAdapter,
} from './search';

/** Opens (creating if needed) the SQLite file at `path` as a Kysely instance in WAL mode. */
export function openSqlite(path: string): Kysely<Database> {
  if (path !== ':memory:') {
    mkdirSync(dirname(path), { recursive: true });
    // Visitors' data: a new file is the server user's alone (SQLite gives its WAL the same).
    closeSync(openSync(path, 'a', 0o600));
  }
  const sqlite = new BetterSqlite(path);
  // WAL lets readers run beside the one writer; busy_timeout waits out a brief lock
  // instead of failing; foreign keys are off by default in SQLite.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  // Deleted rows and freed pages are overwritten with zeros, so that what a visitor's erasure
  // or the retention purge deletes leaves the file (no cost measured on the inquiry path).
  sqlite.pragma('secure_delete = ON');
  return new Kysely<Database>({
    dialect: new WritingSqliteDialect({ database: keepingStatements(sqlite) }),
    plugins: [new CamelCasePlugin()],
  });
}

/**
 * SQLite's dialect with transactions begun `immediate`: each takes the write lock first, waiting
 * out another process's write (busy_timeout; the command line deleting a visitor beside a
 * running server). A transaction begun plainly whose first statement reads is answered
 * SQLITE_BUSY at once when it then writes during another's write: a message, whose transaction
 * reads where it moves the inquiry first, failed so.
 */
class WritingSqliteDialect extends SqliteDialect {
  override createDriver() {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }
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
 * Words quoted as an FTS5 string, so that they are never read as query syntax (the `ascii`
 * tokenizer splits it back into those words: a phrase).
 */
const quoted = (word: string) => `"${word.replaceAll('"', '""')}"`;

// Inquiries (of any scope) whose ranks one FTS5 range query of `among` may span, before the rows
// of the list are matched by the other plans instead.
const AMONG_BUDGET = 20_000;

const { awaitingStep } = LIST_RANK;

/**
 * Full-text search over the FTS5 table the store keeps in step with the inquiries
 * (search-index.ts), whose rows are in list order (migration 0014). A word of ASCII letters or
 * digits becomes the indexed words it begins, read from the word list `search_words` (migration
 * 0015): a prefix term makes FTS5 merge every such word's whole list on each query, an exact
 * term seeks. How common a query is stays unknown (`share` null): FTS5 counts a word's
 * documents only by reading its whole list, which cost more than the search it would plan.
 */
export const sqliteSearch: SearchAdapter = {
  async prepare(db, query) {
    const asked = searchTerms(query);
    if (asked.length === 0) return null;
    const parts: string[] = [];
    let merged = false;
    for (const term of asked) {
      // The indexed words its last word begins, when of ASCII letters and digits.
      const last = expandable(term);
      const begun = last === null ? null : await wordsBeginning(db, last);
      if (begun?.length === 0) return nothing;
      if (begun && begun.length > MAX_EXPANSION) merged = true;
      // A word, as the words it begins; a phrase stays a phrase (FTS5 has no OR inside one),
      // with its last word a prefix, and so does a word beginning too many to spell out.
      parts.push(
        term.length === 1 && begun && begun.length <= MAX_EXPANSION
          ? `(${begun.map(quoted).join(' OR ')})`
          : `${quoted(term.join(' '))}*`,
      );
    }
    // (No column filter: none of these words is a scope word, list-place.ts scopeWordsOf.
    // Checking columns made "seawater flange" at a million inquiries 5.7 -> 9.9 ms.)
    const terms = parts.join(' AND ');
    return {
      share: null,
      matches: null,
      merged,
      async among(ids) {
        if (ids.length === 0) return new Set();
        const { rows } = await sql<{ rank: number }>`select search_rank as rank
          from inquiries where id in (${sql.join(ids)})`.execute(db);
        // A run of the list is a range of ranks among those awaiting a reply and one among the
        // rest, which hold other scopes' inquiries too: the FTS5 query reads the matches among
        // all of them.
        const ranks = rows.map((r) => Number(r.rank));
        const ranges = [
          ranks.filter((r) => r >= awaitingStep),
          ranks.filter((r) => r < awaitingStep),
        ]
          .filter((group) => group.length > 0)
          .map((group) => [Math.min(...group), Math.max(...group)] as const);
        for (const [lo, hi] of ranges) {
          const { rows: spanned } = await sql<{ n: number }>`select count(*) as n from
            (select 1 from inquiries where search_rank between ${lo} and ${hi}
              limit ${AMONG_BUDGET + 1})`.execute(db);
          if (Number(spanned[0]?.n ?? 0) > AMONG_BUDGET) return null;
        }
        // In one statement with the ranks it reads: a rank taken meanwhile by another inquiry
        // is never taken for a match.
        const inRanges = sql.join(
          ranges.map(
            ([lo, hi]) =>
              sql`(rowid >= cast(${lo} as integer) and rowid <= cast(${hi} as integer))`,
          ),
          sql` or `,
        );
        const { rows: matched } = await sql<{ id: string }>`select id from inquiries
          where id in (${sql.join(ids)}) and search_rank in (select rowid from inquiries_fts
            where inquiries_fts match ${terms} and (${inRanges}))`.execute(db);
        return new Set(matched.map((r) => r.id));
      },
      async candidates(cap) {
        // CROSS JOIN keeps the text index as the outer loop (SQLite never reorders it).
        const { rows } = await sql<{ id: string }>`select i.id from inquiries_fts f
          cross join inquiries i on i.search_rank = f.rowid
          where f.inquiries_fts match ${terms} limit ${cap + 1}`.execute(db);
        return rows.length > cap ? null : rows.map((r) => r.id);
      },
      async ranked(below, count, scope, narrowed, floor) {
        // Rowid bounds cast in SQL (here and in `among`): bound as a JavaScript number, a bound
        // was once ignored by FTS5 (every match came back).
        const under = below === null ? sql`` : sql`and rowid < cast(${below} as integer)`;
        const over = floor === null ? sql`` : sql`and rowid >= cast(${floor} as integer)`;
        // Out of scope, only the rank comes back (a rep's own list may hold few of the matches).
        const rep = scope.repId === undefined ? sql`` : sql`and i.rep_id = ${scope.repId}`;
        const status = scope.status === undefined ? sql`` : sql`and i.status = ${scope.status}`;
        // One statement: the ranks and the rows at them as they are together (an inquiry
        // answered meanwhile has left its rank, which another may have taken). The text index
        // is the outer loop (SQLite keeps a LEFT JOIN's order).
        const { rows } = await sql<Selectable<InquiriesTable> & { rank: number }>`select i.*,
            f.rank as rank
          from (select rowid as rank from inquiries_fts
            where inquiries_fts match ${narrowed ? `${terms} AND ${inScope(scope)}` : terms}
              ${under} ${over}
            order by rowid desc limit ${count}) f
          left join inquiries i on i.search_rank = f.rank and i.site_id = ${scope.siteId} ${rep}
            ${status}
          order by f.rank desc`.execute(db);
        return rows.map((r) => ({ rank: Number(r.rank), inquiry: r.id ? toInquiry(r) : null }));
      },
      filter: sql<boolean>`inquiries.search_rank in
        (select rowid from inquiries_fts where inquiries_fts match ${terms})`,
      // With the scope in the query, SQLite walks the site's index instead (it takes an
      // equality on it for ten rows); `filter` reads the list in order, which is no worse.
      indexed: null,
      sorted: null,
    };
  },
};

/** Up to one more than MAX_EXPANSION of the indexed words that begin with `word`. */
async function wordsBeginning(db: Kysely<Database>, word: string): Promise<string[]> {
  const { from, to } = prefixRange(word);
  const { rows } = await sql<{ word: string }>`select word from search_words
    where word >= ${from} and word < ${to} limit ${MAX_EXPANSION + 1}`.execute(db);
  return rows.map((r) => r.word);
}

/** The FTS5 query for the rows in `scope` (scope words, list-place.ts). */
const inScope = (scope: RankedScope) => `scope : (${scopeWords(scope).map(quoted).join(' AND ')})`;

/** A query a word of which begins no indexed word: it matches nothing. */
const nothing: PreparedSearch = {
  share: 0,
  matches: 0,
  among: async () => new Set(),
  candidates: async () => [],
  ranked: async () => [],
  merged: false,
  sorted: null,
  filter: sql<boolean>`1 = 0`,
  indexed: null,
};

/**
 * Runs `work` (deleting a visitor's inquiries, or the retention purge) so that what it deletes
 * leaves the file: the pages it frees are zeroed (`secure_delete`, always on) and the text index
 * drops their words at once (FTS5 secure-delete, on since migration 0012); then, when it changed
 * anything, the WAL, which holds pages as they were, is checkpointed and truncated (an hourly
 * purge that finds nothing leaves the WAL alone).
 */
export async function erasingSqlite(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<void>,
): Promise<void> {
  const changes = (trx: Transaction<Database>) =>
    sql<{ n: number }>`select total_changes() as n`.execute(trx).then((r) => r.rows[0]?.n ?? 0);
  const changed = await db.transaction().execute(async (trx) => {
    const before = await changes(trx);
    await work(trx);
    return (await changes(trx)) !== before;
  });
  // Best effort: a reader still in the WAL leaves it to the next checkpoint.
  if (changed) await sql`pragma wal_checkpoint(truncate)`.execute(db);
}
