import { sql, type Kysely } from 'kysely';
import type { Database } from './database';
import type { Store } from './store';

/**
 * Advisory locks one process holds at once, each on a pool connection of its own (postgres.ts
 * POOL_SIZE is 10): admins of ten sites saving together took the whole pool, and every lock's
 * work then waited for a connection that never came. At least two: applying the
 * configuration file holds its lock while each admin change in it takes another (the only
 * nesting, and that file is applied one at a time), so the inner lock waits at worst for
 * another save to end, never for itself.
 */
export const MAX_HELD_LOCKS = 3;

/**
 * One at a time for work that reads, then writes what it did not find (applying the
 * configuration file at start-up, an admin adding a rep or a team): in this process, a queue
 * per `name`; across processes on PostgreSQL, a session advisory lock named after the schema and
 * `name`, held on a connection of its own while `work` runs on the others, at most
 * `MAX_HELD_LOCKS` at once. Each finds what the one before it wrote. (The queue also keeps
 * waiters from holding a pool connection each.)
 */
export function exclusiveQueries(
  db: Kysely<Database>,
  { advisoryLocks }: { advisoryLocks: boolean },
): Pick<Store, 'exclusively'> {
  const queues = new Map<string, Promise<unknown>>();
  let held = 0;
  const waiting: Array<() => void> = [];
  const locked = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    if (!advisoryLocks) return work();
    while (held >= MAX_HELD_LOCKS) await new Promise<void>((wake) => waiting.push(wake));
    held++;
    try {
      const key = sql`hashtextextended(current_schema() || ':' || ${name}, 0)`;
      return await db.connection().execute(async (conn) => {
        await sql`select pg_advisory_lock(${key})`.execute(conn);
        try {
          return await work();
        } finally {
          await sql`select pg_advisory_unlock(${key})`.execute(conn);
        }
      });
    } finally {
      held--;
      waiting.shift()?.();
    }
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
