import type { Kysely } from 'kysely';
import { ConfigError, type DatabaseConfig } from '../config';
import type { Database } from './database';
import { createKyselyStore } from './kysely-store';
import { erasingPostgres, openPostgres, postgresSearch } from './postgres';
import { erasingSqlite, openSqlite, sqliteSearch } from './sqlite';
import type { Store } from './store';

/**
 * Inquiry transactions a process writes at once on PostgreSQL: a few of its pool's
 * connections, the rest left to reads and other writes.
 */
const POSTGRES_WRITERS = 4;

/** A database and the Store on it. */
export interface OpenedStore {
  db: Kysely<Database>;
  store: Store;
}

/**
 * Opens the engine `database` names and the Store on it: the one place that picks a dialect
 * and what differs with it (full-text search, row locks for the outbox, concurrent writers, counters' commits). Not yet migrated.
 */
export function openStore(
  database: DatabaseConfig,
  { onConnectionLost }: { onConnectionLost?: (message: string) => void } = {},
): OpenedStore {
  if (database.engine === 'postgres') {
    const db = openPostgres(database.url, onConnectionLost);
    return {
      db,
      store: createKyselyStore(db, postgresSearch, {
        skipLocked: true,
        writers: POSTGRES_WRITERS,
        relaxedCounters: true,
        advisoryLocks: true,
        erase: erasingPostgres,
      }),
    };
  }
  let db: Kysely<Database>;
  try {
    db = openSqlite(database.path);
  } catch (err) {
    // A directory the process may not write, a file that is no database: say which.
    const why = err instanceof Error ? err.message : String(err);
    throw new ConfigError(
      `Invalid configuration:\n  DATABASE_URL: cannot open the SQLite file ${database.path}: ${why}`,
    );
  }
  return { db, store: createKyselyStore(db, sqliteSearch, { erase: erasingSqlite }) };
}
