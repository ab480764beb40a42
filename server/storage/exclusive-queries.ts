import { sql, type Kysely } from 'kysely';
import type { Database } from './database';
import type { Store } from './store';

/**
 * One at a time for work that reads, then writes what it did not find (applying the
 * configuration file at start-up, an admin adding a rep or a team): in this process, a queue
 * per `name`; across processes on PostgreSQL, a session advisory lock named after the schema and
 * `name`, held on a connection of its own while `work` runs on the others. Each finds what the
 * one before it wrote. (The queue also keeps waiters from holding a pool connection each.)
 */
export function exclusiveQueries(
  db: Kysely<Database>,
  { advisoryLocks }: { advisoryLocks: boolean },
): Pick<Store, 'exclusively'> {
  const queues = new Map<string, Promise<unknown>>();
  const locked = <T>(name: string, work: () => Promise<T>): Promise<T> => {
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
  };
  return {
    async exclusively(name, work) {
      const run = (queues.get(name) ?? Promise.resolve()).then(() => locked(name, work));
      const settled = run.catch(() => {});
      queues.set(name, settled);
      try {
        return await run;
      } finally {
        if (queues.get(name) === settled) queues.delete(name);
      }
    },
  };
}
