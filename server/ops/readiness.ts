import { type Kysely, sql } from 'kysely';
import type { MigrationState } from '../storage/migrate';
import type { Logger } from './log';
import { within } from '../within';

/** What keeps the server from taking traffic, by part (`database`, `migrations`); empty when ready. */
export type ReadinessCheck = () => Promise<Record<string, string>>;

export interface ReadinessOptions<T> {
  db: Kysely<T>;
  /** How the database's migrations compare with this release's (storage/migrate.ts). */
  migrations: () => Promise<MigrationState>;
  /** A database that does not answer within this is not ready (a hung connection, a full pool). */
  timeoutMs?: number;
  /** Gets the driver's error; the answer names only the part (it may reach the public). */
  logger?: Logger;
}

/**
 * Ready when the database answers `select 1` and holds exactly this release's migrations: a
 * process started before a newer one migrated reports the migrations it does not know (its
 * code may fail on the new schema), and one that has not migrated yet what is missing.
 */
export function createReadinessCheck<T>({
  db,
  migrations,
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
      const { pending, unknown } = await within(migrations(), timeoutMs, 'the migrations');
      if (unknown.length > 0) {
        return { migrations: `Applied by a newer release: ${unknown.join(', ')}.` };
      }
      if (pending.length === 0) return {};
      return { migrations: `Not applied: ${pending.join(', ')}.` };
    } catch (err) {
      logger?.warn('not ready: the migrations could not be read', { err });
      return { migrations: 'The applied migrations could not be read.' };
    }
  };
}
