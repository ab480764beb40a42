import type { Expression, Kysely, SqlBool } from 'kysely';
import type { Database } from './database';

/**
 * How an engine finds inquiries by full text (SQLite FTS5, PostgreSQL tsvector); the dialect
 * factory provides it and the store only calls it. A query is prepared once per list request:
 * each word becomes a prefix term, and a word of letters or digits is replaced by the indexed
 * words it begins (the vocabulary, migration 0009), which matches the same inquiries and lets
 * either text index seek instead of merging every word with that prefix.
 */
export interface SearchAdapter {
  /** The query ready to run; null when it has no words (then it matches every inquiry). */
  prepare(db: Kysely<Database>, query: string): Promise<PreparedSearch | null>;
}

/**
 * Ways to run one query, because one plan does not fit all: a common word is fastest matched on
 * the newest rows of the list (`among`), a rare one driven by the text index (`candidates`),
 * a few thousand matches far down the list by the text index and a sort (`indexed`), and more
 * by the list's order index with the match as a filter (`filter`).
 */
export interface PreparedSearch {
  /**
   * The estimated share of all inquiries that match, 0 when none can (a word begins no
   * indexed word), or null when the engine cannot tell.
   */
  share: number | null;
  /** The estimated number of matches (share times the inquiries), or null. */
  matches: number | null;
  /**
   * Which of these inquiries (a run of the list, newest first) match; null when that would
   * cost more than the other plans (then the caller uses them).
   */
  among(ids: string[]): Promise<Set<string> | null>;
  /** The ids of all matches when there are at most `cap` of them; null when there are more. */
  candidates(cap: number): Promise<string[] | null>;
  /** The match as a condition on `inquiries`, checked row by row as the list is read. */
  filter: Expression<SqlBool>;
  /**
   * The match as a condition the engine answers from the text index first, whole, or null
   * when the engine has no such plan (then a search reads the list with `filter`).
   */
  indexed: Expression<SqlBool> | null;
}

/**
 * The words of a query, as both engines split it: at white space, NULs dropped, at most 12.
 * A word of no letter or digit ("&", "-", "/", an emoji) is no word: neither index holds one,
 * and as a term it matched nothing, so "Smith & Sons" found nobody.
 */
export function searchWords(query: string): string[] {
  // FTS5 reads its query only up to a NUL, and PostgreSQL text cannot hold one at all.
  return query
    .replaceAll('\0', ' ')
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .slice(0, 12);
}

/** Past this many indexed words, a query word stays a prefix term. */
export const MAX_EXPANSION = 32;

/**
 * The half-open range [from, to) of the words that begin with `prefix`, compared byte by byte
 * (a word of ASCII letters or digits, so its last character has a successor).
 */
export function prefixRange(prefix: string): { from: string; to: string } {
  const last = prefix.charCodeAt(prefix.length - 1);
  return { from: prefix, to: prefix.slice(0, -1) + String.fromCharCode(last + 1) };
}
