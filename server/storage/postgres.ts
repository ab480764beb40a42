import { CamelCasePlugin, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './database';
import type { ErasingTransaction } from './kysely-store';
import { ReplaceNulPlugin } from './postgres-nul';
import { expandable, MAX_EXPANSION, prefixRange, searchTerms, type SearchAdapter } from './search';
import { tsLexeme } from './search-text';

/**
 * Connections one process keeps to PostgreSQL (the LISTEN client of the event bus is extra).
 * `Store.exclusively` holds one of them per lock while its work runs on the others; it holds at
 * most `MAX_HELD_LOCKS` at once (exclusive-queries.ts), so the rest stay for the work.
 */
const POOL_SIZE = 10;

/**
 * How long a query waits for a free connection before it fails: a pool held up by something
 * not foreseen answers errors (and /readyz 503) instead of hanging every request for good.
 */
const CONNECT_WAIT_MS = 30_000;

/**
 * A Kysely instance on the PostgreSQL database at `url` (postgres://user:pass@host:port/db);
 * `onLost` is told of each connection lost (the server's JSON log; stderr when none).
 */
export function openPostgres(
  url: string,
  onLost: (message: string) => void = (message) => console.error(message),
): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    connectionTimeoutMillis: CONNECT_WAIT_MS,
  });
  // A connection that loses its server (a restart, a failover, a terminated backend) emits
  // 'error'; unhandled, that would end the process. The pool listens only while a client is
  // idle, so each client gets a listener of its own for the time it is checked out: its query
  // then fails (a request answers 500, a transaction rolls back) and the pool drops it.
  const lost = (err: Error) => onLost(`[db] PostgreSQL connection lost: ${err.message}`);
  pool.on('error', lost);
  pool.on('connect', (client) => client.on('error', lost));
  return new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin(), new ReplaceNulPlugin()],
  });
}

/**
 * A term as tsquery text: a prefix lexeme ('valv':*), or for several words a phrase whose last
 * word is a prefix ('ab' <-> '12':*). Quoted, so no query text is read as tsquery syntax.
 */
export function tsTerm(term: string[]): string {
  return `${term.map(tsLexeme).join(' <-> ')}:*`;
}

/**
 * Full-text search over `inquiry_search` (one tsvector per inquiry, GIN-indexed, written by the
 * store: search-index.ts): who, which company, which products, and every message. A word of
 * ASCII letters or digits (alone, or last in a phrase) becomes the lexemes it begins, from
 * `inquiry_search_terms` (0009): GIN matches a prefix by collecting every matching entry's
 * whole posting list ("seawater flange" took 60 ms), exact lexemes by seeking (3 ms).
 */
export const postgresSearch: SearchAdapter = {
  async prepare(db, query) {
    const asked = searchTerms(query);
    if (asked.length === 0) return null;
    const words = asked.map(expandable).filter((word) => word !== null);
    const { rows } =
      words.length === 0
        ? { rows: [] }
        : await sql<{ word: string; terms: string[] }>`select w.word,
          array(select term from inquiry_search_terms where term >= w.word and term < w.high
            order by term limit ${MAX_EXPANSION + 1}) as terms
          from unnest(${words}::text[], ${words.map((w) => prefixRange(w).to)}::text[])
            as w(word, high)`.execute(db);
    const vocabulary = new Map(rows.map((r) => [r.word, r.terms]));
    const statistics = await searchStatistics(db);
    const frequency = statistics?.frequency;
    const parts: string[] = [];
    let share: number | null = frequency ? 1 : null;
    for (const term of asked) {
      const word = expandable(term);
      const terms = word === null ? undefined : vocabulary.get(word);
      // No indexed word starts so: asked as a prefix after all, not answered "nothing". The
      // word list can lag the index (full-text.ts: a new inquiry's word deleted with the last
      // older one holding it), and a prefix no lexeme starts is a quick miss in GIN.
      if (!terms || terms.length === 0 || terms.length > MAX_EXPANSION) {
        parts.push(tsTerm(term));
        share = null;
        continue;
      }
      // A phrase's last word too: 'jane' <-> 'buyer' <-> 'com':* read every lexeme beginning
      // "com" (11 ms at a million inquiries), ('com' | 'company') seeks.
      const head = term.slice(0, -1).map(tsLexeme);
      parts.push([...head, `(${terms.map(tsLexeme).join(' | ')})`].join(' <-> '));
      if (term.length > 1) share = null;
      else if (share !== null && frequency) {
        const seen = terms.reduce((sum, t) => sum + (frequency.get(t) ?? 0), 0);
        share *= Math.min(1, Math.max(seen, RARE));
      }
    }
    const terms = sql`${parts.join(' & ')}::tsquery`;

    return {
      share,
      matches: share === null || !statistics ? null : share * statistics.rows,
      async among(ids) {
        if (ids.length === 0) return new Set();
        // Row by row, by primary key: given the match alone, the planner may ask GIN first,
        // which for a prefix of many lexemes reads them all (0.8 s for "buyer1").
        const { rows } = await sql<{ id: string }>`select k.id from unnest(${ids}::text[]) as k(id)
          where (select s.document from inquiry_search s where s.inquiry_id = k.id) @@ ${terms}`.execute(
          db,
        );
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
      ranked: null,
      merged: false,
      async sorted(scope, after, limit) {
        // The GIN index finds the matches, their rows say where each is in the list, and the
        // first `limit` are kept as they are read (a top-N sort): no inquiry row is read.
        const { rows } = await sql<{ id: string }>`select inquiry_id as id from inquiry_search
          where document @@ ${terms} and site_id = ${scope.siteId}
            ${scope.repId === undefined ? sql`` : sql`and rep_id = ${scope.repId}`}
            ${scope.status === undefined ? sql`` : sql`and status = ${scope.status}`}
            ${
              after === undefined
                ? sql``
                : sql`and (awaiting_reply, last_activity_at, inquiry_id)
                    < (${after.awaitingReply ? 1 : 0}::integer, ${after.lastActivityAt}::text,
                      ${after.id}::text)`
            }
          order by awaiting_reply desc, last_activity_at desc, inquiry_id desc
          limit ${limit}`.execute(db);
        return rows.map((r) => r.id);
      },
      // Checked row by row as the list index is walked, stopping with the page. An IN or EXISTS
      // would be planned as a semi-join, and the planner, which misjudges prefix matches, may
      // hash every match first.
      filter: sql<boolean>`(select s.document from inquiry_search s
        where s.inquiry_id = inquiries.id) @@ ${terms}`,
      // An array, so the inquiries are read by primary key, never by walking a list index.
      indexed: sql<boolean>`inquiries.id = any(array(
        select inquiry_id from inquiry_search where document @@ ${terms}))`,
    };
  },
};

// The share taken for a lexeme below the statistics' cutoff (ANALYZE keeps only the common
// lexemes): the query goes to the text index first, which answers fast when it is rare.
const RARE = 1e-5;
// How long the statistics are kept per process: ANALYZE changes them seldom.
const STATISTICS_MS = 60_000;

/** What the planner's statistics say about `inquiry_search`. */
interface SearchStatistics {
  /** The share of inquiries that hold each common lexeme (pg_stats.most_common_elems). */
  frequency: Map<string, number>;
  /** About how many inquiries are indexed (pg_class.reltuples). */
  rows: number;
}

const kept = new WeakMap<
  Kysely<Database>,
  { at: number; statistics: Promise<SearchStatistics | null> }
>();

/** The statistics, kept a minute per process; null before the table is first analyzed. */
function searchStatistics(db: Kysely<Database>): Promise<SearchStatistics | null> {
  const last = kept.get(db);
  if (last && Date.now() - last.at < STATISTICS_MS) return last.statistics;
  const statistics = sql<{
    elements: string[] | null;
    frequencies: number[] | null;
    rows: number;
  }>`select
      most_common_elems::text::text[] as elements, most_common_elem_freqs as frequencies,
      (select reltuples from pg_class where oid = 'inquiry_search'::regclass) as rows
    from pg_stats where schemaname = current_schema() and tablename = 'inquiry_search'
      and attname = 'document'`
    .execute(db)
    .then(({ rows: [row] }) =>
      row?.elements && row.frequencies
        ? {
            frequency: new Map(row.elements.map((e, i) => [e, Number(row.frequencies?.[i] ?? 0)])),
            rows: Number(row.rows),
          }
        : null,
    )
    .catch(() => null);
  kept.set(db, { at: Date.now(), statistics });
  return statistics;
}

/**
 * Runs a deletion so that, for a visitor's erasure (`everyWord`), the word list keeps none of
 * their words: the word list's trigger checks common words too while `liaison.erasing` is on
 * for the transaction (migration 0012).
 */
export const erasingPostgres: ErasingTransaction = (db, work, { everyWord = false } = {}) =>
  db.transaction().execute(async (trx) => {
    if (everyWord) await sql`set local liaison.erasing = 'on'`.execute(trx);
    await work(trx);
  });
