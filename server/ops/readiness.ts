import { type Kysely, type Migrator, sql } from 'kysely';
import type { Logger } from './log';
import { within } from '../within';

/** What keeps the server from taking traffic, by part (`database`, `migrations`); empty when ready. */
export type ReadinessCheck = () => Promise<Record<string, string>>;

export interface ReadinessOptions<T> {
  db: Kysely<T>;
  /** A Migrator of the same migrations start-up runs (server/storage/migrate.ts `migratorFor`). */
  migrator: () => Promise<Migrator>;
  /** A database that does not answer within this is not ready (a hung connection, a full pool). */
  timeoutMs?: number;
  /** Gets the driver's error; the answer names only the part (it may reach the public). */
  logger?: Logger;
}

/**
 * Ready when the database answers `select 1` and every migration is applied: a process
 * started before a newer one migrated (or while a migration runs) reports what is missing.
 */
export function createReadinessCheck<T>({
  db,
  migrator,
  timeoutMs = 2000,
  logger,
}: ReadinessOptions<T>): ReadinessCheck {
  return async function readiness(): Promise<Record<string, string>> {
    try {
      await within(sql`select 1`.execute(db), timeoutMs, 'select 1');
    } catch (err) {
      logger?.warn('not ready: the database does not answer', { err });
      return { database: 'The database does not answer.' };
    }
    try {
      const migrations = migrator().then((m) => m.getMigrations());
      const pending = (await within(migrations, timeoutMs, 'the migrations'))
        .filter((m) => m.executedAt === undefined)
        .map((m) => m.name);
      if (pending.length === 0) return {};
      return { migrations: `Not applied: ${pending.join(', ')}.` };
    } catch (err) {
      logger?.warn('not ready: the migrations could not be read', { err });
      return { migrations: 'The applied migrations could not be read.' };
    }
  };
}
