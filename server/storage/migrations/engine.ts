import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * Which engine a migration runs on, for the few steps whose SQL differs (the full-text index).
 * Everything else is the same DDL on both: text, integer and double precision columns.
 */
export function engineOf<T>(db: Kysely<T>): 'sqlite' | 'postgres' {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * Runs a migration's `change` in one transaction. Kysely runs SQLite's migrations without one,
 * so a run stopped halfway (after a new column, say) could not start again ("duplicate
 * column"); PostgreSQL's run in one already.
 */
export async function inOneTransaction(
  db: Kysely<unknown>,
  change: (db: Kysely<unknown>) => Promise<void>,
): Promise<void> {
  if (engineOf(db) === 'postgres') await change(db);
  else await db.transaction().execute(change);
}
