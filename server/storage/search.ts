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
  /**
   * Whether `filter` is cheap checked on one row at a time (and refers to `inquiries.id` only,
   * so that it also holds on a subquery named `inquiries`): then a search first matches the
   * newest rows of the list one by one before asking the text index.
   */
  rowByRow: boolean;
  /** The match as a condition on `inquiries`. */
  filter(query: string): Expression<SqlBool>;
}
