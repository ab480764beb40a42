import { type Expression, type ExpressionBuilder, type Kysely, sql, type SqlBool } from 'kysely';
import { compiledStatement } from './compiled-statement';
import type { Database } from './database';
import type { AttemptCount, Store } from './store';

/** Ends every session of `repId` (a deactivation, a new password), in the caller's transaction. */
export async function endSessionsOf(db: Kysely<Database>, repId: string): Promise<void> {
  await db.deleteFrom('sessions').where('repId', '=', repId).execute();
}

// Round-robin turns kept per team below its newest: a process routing for the team reads the
// newest, and one still writing an older turn finds that number taken while it is kept.
const KEPT_TURNS = 1000;

type AuthQueries = Pick<
  Store,
  | 'createSession'
  | 'findSession'
  | 'deleteSession'
  | 'createSignInLink'
  | 'useSignInLink'
  | 'findThrottle'
  | 'clearThrottle'
  | 'countHit'
  | 'countAttempt'
  | 'uncountAttempt'
  | 'issueSignInLink'
  | 'forgetExpired'
>;

type ThrottleRow = ExpressionBuilder<Database, 'throttles'>;

// Each inquiry's and message's rate limits (compiled-statement.ts): a read, and a hit per limit.
const throttleOf = compiledStatement((db: Kysely<Database>, v: { key: string }) =>
  db
    .selectFrom('throttles')
    .select(['failures', 'windowStart', 'lockedUntil'])
    .where('key', '=', v.key),
);

const commitUnsynced = compiledStatement(
  (_db: Kysely<Database>) => sql`set local synchronous_commit = off`,
);

// One upsert, so two requests at the same moment cannot both read n and write n + 1. A hit
// from an earlier window than the stored one (a process whose clock is a little behind)
// counts in the stored window: only a later window starts the count over.
const hitCounted = compiledStatement(
  (db: Kysely<Database>, v: { key: string; windowStart: string }) =>
    db
      .insertInto('throttles')
      .values({ key: v.key, failures: 1, windowStart: v.windowStart, lockedUntil: null })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => ({
          failures: eb
            .case()
            .when('throttles.windowStart', '>=', v.windowStart)
            .then(eb('throttles.failures', '+', 1))
            .else(1)
            .end(),
          windowStart: eb
            .case()
            .when('throttles.windowStart', '>', v.windowStart)
            .then(eb.ref('throttles.windowStart'))
            .else(v.windowStart)
            .end(),
        })),
      )
      .returning(['failures', 'windowStart']),
);

// The counter's window is over and no lock-out runs: the attempt starts a new window.
const stale = (eb: ThrottleRow, { now, staleBefore }: AttemptCount): Expression<SqlBool> =>
  eb.and([
    eb('throttles.windowStart', '<=', staleBefore),
    eb.or([eb('throttles.lockedUntil', 'is', null), eb('throttles.lockedUntil', '<=', now)]),
  ]);

/**
 * Sessions, one-time sign-in links, throttle counters (sign-in, rate limits, spent proofs of
 * work), and forgetting them (with Idempotency-Keys) once they no longer matter.
 */
export function authQueries(
  db: Kysely<Database>,
  { relaxedCounters }: { relaxedCounters: boolean },
): AuthQueries {
  const countHit = async (q: Kysely<Database>, key: string, windowStart: string) => {
    const { rows } = await hitCounted(q, { key, windowStart });
    const row = rows[0];
    if (!row) throw new Error('the throttle upsert returned no row');
    return { count: row.failures, windowStart: row.windowStart };
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
      const { rows } = await throttleOf(db, { key });
      return rows[0] ?? null;
    },
    async countHit(key, windowStart) {
      if (!relaxedCounters) return countHit(db, key, windowStart);
      return db.transaction().execute(async (trx) => {
        // Not worth a wait for the disk: a crash may forget a window's last counts, which the
        // limits tolerate; every inquiry, message and delivery still commits durably.
        await commitUnsynced(trx);
        return countHit(trx, key, windowStart);
      });
    },

    async clearThrottle(key) {
      await db.deleteFrom('throttles').where('key', '=', key).execute();
    },
    async countAttempt(key, count) {
      // One upsert: attempts at the same moment each get a count of their own (read, check the
      // password, then write n + 1 let 200 parallel guesses all through). Every SET reads the
      // row as it was, on both engines.
      const { now, lockAt, lockedUntil } = count;
      const firstLock = lockAt <= 1 ? lockedUntil : null;
      return db
        .insertInto('throttles')
        .values({ key, failures: 1, windowStart: now, lockedUntil: firstLock })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet((eb) => ({
            failures: eb
              .case()
              .when(stale(eb, count))
              .then(1)
              .else(eb('throttles.failures', '+', 1))
              .end(),
            windowStart: eb
              .case()
              .when(stale(eb, count))
              .then(now)
              .else(eb.ref('throttles.windowStart'))
              .end(),
            lockedUntil: eb
              .case()
              .when(stale(eb, count))
              .then(firstLock)
              .when(eb(eb('throttles.failures', '+', 1), '=', lockAt))
              .then(lockedUntil)
              .else(eb.ref('throttles.lockedUntil'))
              .end(),
          })),
        )
        .returning(['failures', 'windowStart', 'lockedUntil'])
        .executeTakeFirstOrThrow();
    },
    async uncountAttempt(key, windowStart, lockAt) {
      await db
        .updateTable('throttles')
        .set((eb) => ({
          failures: eb
            .case()
            .when('failures', '>', 0)
            .then(eb('failures', '-', 1))
            .else(0)
            .end(),
          lockedUntil: eb
            .case()
            .when('failures', '<=', lockAt)
            .then(null)
            .else(eb.ref('lockedUntil'))
            .end(),
        }))
        .where('key', '=', key)
        .where('windowStart', '=', windowStart)
        .execute();
    },
    async issueSignInLink({ email, link, recentAfter, delivery, now }) {
      return db.transaction().execute(async (trx) => {
        // Not worth a wait for the disk (a crash may lose the link; its rep asks again), and
        // a commit that waits only when a row was written would tell which emails have accounts.
        if (relaxedCounters) await sql`set local synchronous_commit = off`.execute(trx);
        const made = await trx
          .insertInto('signInLinks')
          .columns(['id', 'tokenHash', 'repId', 'expiresAt', 'usedAt'])
          .expression((eb) =>
            eb
              .selectFrom('reps')
              .select((s) => [
                s.val(link.id).as('id'),
                s.val(link.tokenHash).as('tokenHash'),
                'reps.id as repId',
                s.val(link.expiresAt).as('expiresAt'),
                s.val<string | null>(null).as('usedAt'),
              ])
              .where('reps.email', '=', email)
              .where('reps.active', '=', 1)
              .where(({ not, exists, selectFrom }) =>
                not(
                  exists(
                    selectFrom('signInLinks as recent')
                      .select('recent.id')
                      .whereRef('recent.repId', '=', 'reps.id')
                      .where('recent.usedAt', 'is', null)
                      .where('recent.expiresAt', '>', recentAfter)
                      // A longer-lived link (the demo seed's) is not one just mailed.
                      .where('recent.expiresAt', '<=', link.expiresAt),
                  ),
                ),
              ),
          )
          .returning('repId')
          .executeTakeFirst();
        const repId = made?.repId ?? null;
        // Inserts the mail only beside the link just made: nothing when there is none.
        await trx
          .insertInto('deliveries')
          .columns([
            'id',
            'kind',
            'payload',
            'dedupeKey',
            'siteId',
            'state',
            'nextAttemptAt',
            'createdAt',
          ])
          .expression((eb) =>
            eb
              .selectFrom('signInLinks')
              .innerJoin('reps', 'reps.id', 'signInLinks.repId')
              .select((s) => [
                s.val(delivery.id).as('id'),
                s.val(delivery.kind).as('kind'),
                s.val(JSON.stringify({ ...delivery.payload, repId })).as('payload'),
                s.val(delivery.dedupeKey).as('dedupeKey'),
                'reps.siteId',
                s.val('pending').as('state'),
                s.val(now).as('nextAttemptAt'),
                s.val(now).as('createdAt'),
              ])
              .where('signInLinks.id', '=', link.id),
          )
          .onConflict((oc) => oc.column('dedupeKey').doNothing())
          .execute();
        return repId;
      });
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
      // Round-robin turns far behind their team's newest: no process still routes from them.
      await db
        .deleteFrom('teamTurns')
        .where(({ eb, selectFrom }) =>
          eb(
            'turn',
            '<',
            selectFrom('teamTurns as newest')
              .select((n) => sql<number>`max(${n.ref('newest.turn')}) - ${KEPT_TURNS}`.as('below'))
              .whereRef('newest.teamId', '=', 'teamTurns.teamId'),
          ),
        )
        .execute();
    },
  };
}
