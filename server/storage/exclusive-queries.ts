import { sql, type Kysely } from 'kysely';
import type { Database } from './database';
import type { Store } from './store';

/**
 * One process at a time for work that reads, then writes what it did not find (applying the
 * configuration file at start-up): on PostgreSQL, a session advisory lock named after the
 * schema and `name`, held on a connection of its own while `work` runs on the others; processes
 * starting together wait for it in turn, and each finds what the one before it wrote. SQLite
 * serves one process, which needs no lock.
 */
export function exclusiveQueries(
  db: Kysely<Database>,
  { advisoryLocks }: { advisoryLocks: boolean },
): Pick<Store, 'exclusively'> {
  return {
    async exclusively(name, work) {
      if (!advisoryLocks) return work();
      const key = sql`hashtextextended(current_schema() || ':' || ${name}, 0)`;
      return db.connection().execute(async (conn) => {
        await sql`select pg_advisory_lock(${key})`.execute(conn);
        try {
          return await work();
        } finally {
          await sql`select pg_advisory_unlock(${key})`.execute(conn);
        }
      });
    },
  };
}
