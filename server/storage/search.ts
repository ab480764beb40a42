import type { Expression, Kysely, SqlBool } from 'kysely';
import type { Database } from './database';
import type { InboxScope, Inquiry, InquiryListFilter } from './records';
import { searchWordsOf } from './search-text';

/** Where a ranked search keeps its matches: a site, or a rep's own list, and a status. */
export type RankedScope = InboxScope & { status?: string };

/**
 * How an engine finds inquiries by full text (SQLite FTS5, PostgreSQL tsvector); the dialect
 * factory provides it and the store only calls it; search-index.ts writes the index. A query is
 * prepared once per list request: each term (`searchTerms`) becomes a prefix term or phrase,
 * and a word of letters or digits is replaced by the indexed words it begins (the vocabulary,
 * migration 0009), which matches the same inquiries and lets either text index seek instead of
 * merging every word with that prefix.
 */
export interface SearchAdapter {
  /** The query ready to run; null when it has no words (then it matches every inquiry). */
  prepare(db: Kysely<Database>, query: string): Promise<PreparedSearch | null>;
}

/**
 * Ways to run one query, because one plan does not fit all: where the text index is in list
 * order, its first matches in scope (`ranked`); a common word is fastest matched on
 * the newest rows of the list (`among`); where the text index keeps each match's place in the
 * list, matches far down it are sorted there (`sorted`); else a rare word is driven by the text
 * index (`candidates`), a few thousand matches far down the list by the text index and a sort
 * of their inquiries (`indexed`), and more by the list's order index with the match as a
 * filter (`filter`).
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
  /**
   * The next `count` matches in the list's order, with their ranks (`search_rank`), below
   * `below` (from the top when null), read in one statement from a text index kept in that
   * order (SQLite, migration 0014), each with its inquiry when that is in `scope` (and has the
   * status), else null; null when the engine keeps no such index (PostgreSQL: GIN has no order).
   * `narrowed` asks the text index itself for the matches in scope alone (its scope words,
   * migration 0026): far quicker where the scope holds few of the matches (a rep's own list),
   * dearer where it holds most (each match is looked for among the scope's words too). With a
   * `floor`, none ranked below it.
   */
  ranked:
    | ((
        below: number | null,
        count: number,
        scope: RankedScope,
        narrowed: boolean,
        floor: number | null,
      ) => Promise<Array<{ rank: number; inquiry: Inquiry | null }>>)
    | null;
  /**
   * Whether each read of `ranked` merges the lists of many indexed words: a word, or a phrase's
   * last word, of ASCII letters and digits that begins more than MAX_EXPANSION of them, read as
   * a prefix ("buyer1" at a million inquiries, 111,111 words, 15-20 ms a read; a last word of
   * other letters is not counted). A search in a rep's list or a status then asks for its scope
   * from the first read, instead of reading all matches first and merging them twice.
   */
  merged: boolean;
  /**
   * The ids of the next `limit` matches in the list's order, after `after` (from the top when
   * undefined), in `scope` and with its status: read and sorted from the text index alone, which
   * keeps each document's place in the list beside it (PostgreSQL, migration 0025). It costs
   * as much as the matches are many, wherever they lie in the list. Null when the engine keeps
   * no such copy (SQLite's index is in list order itself: `ranked`).
   */
  sorted:
    | ((scope: RankedScope, after: InquiryListFilter['after'], limit: number) => Promise<string[]>)
    | null;
  /** The match as a condition on `inquiries`, checked row by row as the list is read. */
  filter: Expression<SqlBool>;
  /**
   * The match as a condition the engine answers from the text index first, whole, or null
   * when the engine has no such plan (then a search reads the list with `filter`).
   */
  indexed: Expression<SqlBool> | null;
}

/**
 * The terms of a query: each of its space-separated parts as the words the index holds
 * (search-text.ts), at most 12. A part of several words ("AB-1234", "jane@buyer", 阀门) is a
 * phrase, its last word a prefix; a part of no letter or digit ("&", "-", an emoji) is none, so
 * "Smith & Sons" asks for smith and sons. A NUL is a space (FTS5 reads a query only up to one,
 * and PostgreSQL text cannot hold one).
 */
export function searchTerms(query: string): string[][] {
  return query
    .replaceAll('\0', ' ')
    .split(/\s+/)
    .map(searchWordsOf)
    .filter((words) => words.length > 0)
    .slice(0, 12);
}

/**
 * The word of a term that the word list can replace by the indexed words it begins: its last
 * (the prefix), when of ASCII letters and digits only.
 */
export function expandable(term: string[]): string | null {
  const word = term[term.length - 1];
  return word !== undefined && /^[a-z0-9]+$/.test(word) ? word : null;
}

/** Past this many indexed words, a query word stays a prefix term. */
export const MAX_EXPANSION = 32;

/**
 * The half-open range [from, to) of the words that begin with `prefix`, compared byte by byte
 * (an `expandable` word, so its last character has a successor).
 */
export function prefixRange(prefix: string): { from: string; to: string } {
  const last = prefix.charCodeAt(prefix.length - 1);
  return { from: prefix, to: prefix.slice(0, -1) + String.fromCharCode(last + 1) };
}
