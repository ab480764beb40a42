import type { Expression, SqlBool } from 'kysely';

/**
 * How an engine matches an inquiry against a full-text query: SQLite's FTS5 today,
 * PostgreSQL's tsvector later. The dialect factory provides it; the store only calls it.
 */
export type SearchMatch = (query: string) => Expression<SqlBool>;
