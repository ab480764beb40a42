import { type Kysely, sql } from 'kysely';
import type { Database } from './database';
import type { Store } from './store';

type AuthQueries = Pick<
  Store,
  | 'createSession'
  | 'findSession'
  | 'deleteSession'
  | 'createSignInLink'
  | 'useSignInLink'
  | 'findThrottle'
  | 'saveThrottle'
  | 'clearThrottle'
  | 'countHit'
  | 'forgetExpired'
>;

/**
 * Sessions, one-time sign-in links, throttle counters (sign-in, rate limits, spent proofs of
 * work), and forgetting them (with Idempotency-Keys) once they no longer matter.
 */
export function authQueries(
  db: Kysely<Database>,
  { relaxedCounters }: { relaxedCounters: boolean },
): AuthQueries {
  // One upsert, so two requests at the same moment cannot both read n and write n + 1.
  const countHit = async (q: Kysely<Database>, key: string, windowStart: string) => {
    const row = await q
      .insertInto('throttles')
      .values({ key, failures: 1, windowStart, lockedUntil: null })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => ({
          failures: eb
            .case()
            .when('throttles.windowStart', '=', windowStart)
            .then(eb('throttles.failures', '+', 1))
            .else(1)
            .end(),
          windowStart,
        })),
      )
      .returning('failures')
      .executeTakeFirstOrThrow();
    return row.failures;
  };
  return {
    async createSession(session) {
      await db.insertInto('sessions').values(session).execute();
    },
    async findSession(idHash) {
      const row = await db
        .selectFrom('sessions')
        .select(['repId', 'expiresAt'])
        .where('idHash', '=', idHash)
        .executeTakeFirst();
      return row ?? null;
    },
    async deleteSession(idHash) {
      await db.deleteFrom('sessions').where('idHash', '=', idHash).execute();
    },
    async createSignInLink(link) {
      await db
        .insertInto('signInLinks')
        .values({ ...link, usedAt: null })
        .execute();
    },
    async useSignInLink(tokenHash, now) {
      // One statement marks it used, so two clicks on the same link cannot both sign in.
      const used = await db
        .updateTable('signInLinks')
        .set({ usedAt: now })
        .where('tokenHash', '=', tokenHash)
        .where('usedAt', 'is', null)
        .where('expiresAt', '>', now)
        .returning('repId')
        .executeTakeFirst();
      return used?.repId ?? null;
    },
    async findThrottle(key) {
      const row = await db
        .selectFrom('throttles')
        .select(['failures', 'windowStart', 'lockedUntil'])
        .where('key', '=', key)
        .executeTakeFirst();
      return row ?? null;
    },
    async saveThrottle(key, t) {
      await db
        .insertInto('throttles')
        .values({ key, ...t })
        .onConflict((oc) => oc.column('key').doUpdateSet(t))
        .execute();
    },
    async countHit(key, windowStart) {
      if (!relaxedCounters) return countHit(db, key, windowStart);
      return db.transaction().execute(async (trx) => {
        // Not worth a wait for the disk: a crash may forget a window's last counts, which the
        // limits tolerate; every inquiry, message and delivery still commits durably.
        await sql`set local synchronous_commit = off`.execute(trx);
        return countHit(trx, key, windowStart);
      });
    },

    async clearThrottle(key) {
      await db.deleteFrom('throttles').where('key', '=', key).execute();
    },

    async forgetExpired(now, countersBefore, keysBefore) {
      await db.deleteFrom('sessions').where('expiresAt', '<', now).execute();
      await db.deleteFrom('signInLinks').where('expiresAt', '<', now).execute();
      await db
        .deleteFrom('throttles')
        .where('windowStart', '<', countersBefore)
        .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', now)]))
        .execute();
      await db.deleteFrom('idempotencyKeys').where('createdAt', '<', keysBefore).execute();
    },
  };
}
