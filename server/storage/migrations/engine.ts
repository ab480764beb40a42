import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * Which engine a migration runs on, for the few steps whose SQL differs (the full-text index).
 * Everything else is the same DDL on both: text, integer and double precision columns.
 */
export function engineOf<T>(db: Kysely<T>): 'sqlite' | 'postgres' {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
