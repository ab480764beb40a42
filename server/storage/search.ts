import type { Expression, Kysely, SqlBool } from 'kysely';
import type { Database } from './database';

/**
 * How an engine finds inquiries by full text (SQLite FTS5, PostgreSQL tsvector);
 * the dialect factory provides it and the store only calls it. Two ways, because one plan
 * does not fit all queries: a selective query ("buyer12345") is fastest driven by the text
 * index, a common one ("valve") by the list's own order index with the match as a filter.
 */
export interface SearchAdapter {
  /** The ids of all matches when there are at most `cap` of them; null when there are more. */
  candidates(db: Kysely<Database>, query: string, cap: number): Promise<string[] | null>;
  /** The match as a condition on `inquiries`. */
  filter(query: string): Expression<SqlBool>;
}
