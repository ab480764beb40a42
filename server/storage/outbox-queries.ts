import type { Kysely, Transaction } from 'kysely';
import { compiledStatement } from './compiled-statement';
import type { Database, DeliveriesTable } from './database';
import { toDelivery } from './rows';
import type { NewDelivery, Store } from './store';

type OutboxQueries = Pick<
  Store,
  | 'dueDeliveries'
  | 'claimDelivery'
  | 'failLane'
  | 'markDeliverySent'
  | 'markDeliveryAttemptFailed'
  | 'countDeliveries'
  | 'findDelivery'
  | 'enqueue'
  | 'listFailedDeliveries'
>;

/** Inserts deliveries as part of a larger change; a repeated dedupe key adds nothing. */
export async function insertDeliveries(
  db: Kysely<Database> | Transaction<Database>,
  deliveries: NewDelivery[],
  now: string,
): Promise<void> {
  // One statement per chunk: a new inquiry's two or three rows were as many statements, each
  // compiled and run on its own. Each row is still skipped on its own when its key is stored.
  for (let at = 0; at < deliveries.length; at += ROWS_PER_INSERT) {
    const rows = deliveries.slice(at, at + ROWS_PER_INSERT).map((d) => ({
      id: d.id,
      kind: d.kind,
      payload: JSON.stringify(d.payload),
      dedupeKey: d.dedupeKey,
      siteId: d.siteId,
      inquiryId: d.inquiryId,
      nextAttemptAt: now,
      createdAt: now,
      lane: d.lane ?? null,
    }));
    await deliveriesInserted(db, ...rows);
  }
}

// Compiled once per number of rows (compiled-statement.ts): a new inquiry's are two or three.
const deliveriesInserted = compiledStatement(
  (
    db: Kysely<Database>,
    ...rows: Array<
      Pick<
        DeliveriesTable,
        | 'id'
        | 'kind'
        | 'payload'
        | 'dedupeKey'
        | 'siteId'
        | 'inquiryId'
        | 'nextAttemptAt'
        | 'createdAt'
        | 'lane'
      >
    >
  ) =>
    db
      .insertInto('deliveries')
      .values(
        rows.map((d) => ({
          id: d.id,
          kind: d.kind,
          payload: d.payload,
          dedupeKey: d.dedupeKey,
          siteId: d.siteId,
          inquiryId: d.inquiryId,
          state: 'pending',
          nextAttemptAt: d.nextAttemptAt,
          lastError: null,
          createdAt: d.createdAt,
          sentAt: null,
          lane: d.lane,
        })),
      )
      .onConflict((oc) => oc.column('dedupeKey').doNothing()),
);

/** Rows one insert takes at most: 12 values each, far below both engines' bound-value limits. */
const ROWS_PER_INSERT = 500;

/** The outbox: due rows, claims, and outcomes. */
export function outboxQueries(
  db: Kysely<Database>,
  { skipLocked }: { skipLocked: boolean },
): OutboxQueries {
  return {
    async dueDeliveries(now, limit, kinds) {
      let query = db
        .selectFrom('deliveries as d')
        .selectAll()
        .where('d.state', '=', 'pending')
        .where('d.nextAttemptAt', '<=', now)
        // Only the first pending row of a lane: the rest wait until it is sent or given up on,
        // in this process or any other, and a row made later never goes before it.
        .where((eb) =>
          eb.or([
            eb('d.lane', 'is', null),
            eb.not(
              eb.exists(
                eb
                  .selectFrom('deliveries as o')
                  .select('o.id')
                  .whereRef('o.lane', '=', 'd.lane')
                  .where('o.state', '=', 'pending')
                  .whereRef('o.id', '<', 'd.id'),
              ),
            ),
          ]),
        );
      // A worker takes only what it has a handler for (webhooks without SMTP, say).
      if (kinds) query = query.where('d.kind', 'in', kinds.length > 0 ? kinds : ['']);
      const rows = await query.orderBy('d.nextAttemptAt').orderBy('d.id').limit(limit).execute();
      return rows.map(toDelivery);
    },
    async failLane(lane, now, error) {
      // Not a row leased meanwhile (its next attempt is its lease): its sender records it.
      await db
        .updateTable('deliveries')
        .set({ state: 'failed', lastError: error })
        .where('lane', '=', lane)
        .where('state', '=', 'pending')
        .where('nextAttemptAt', '<=', now)
        .execute();
    },
    async claimDelivery(delivery, leaseUntil) {
      // Optimistic claim: only the caller that still sees the row as it was read wins it.
      // On PostgreSQL the row is locked first, skipping it when another process is claiming it
      // this instant (its update then decides), and the conditions are checked again on the
      // row as it is once locked (READ COMMITTED), so two processes never lease the same row.
      let seen = db
        .selectFrom('deliveries')
        .select('id')
        .where('id', '=', delivery.id)
        .where('state', '=', 'pending')
        .where('nextAttemptAt', '=', delivery.nextAttemptAt);
      if (skipLocked) seen = seen.forUpdate().skipLocked();
      const result = await db
        .updateTable('deliveries')
        .set((eb) => ({ attempts: eb('attempts', '+', 1), nextAttemptAt: leaseUntil }))
        .where('id', 'in', seen)
        .where('state', '=', 'pending')
        .where('nextAttemptAt', '=', delivery.nextAttemptAt)
        .executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },
    async markDeliverySent(id, at) {
      await db
        .updateTable('deliveries')
        .set({ state: 'sent', sentAt: at, lastError: null })
        .where('id', '=', id)
        .execute();
    },
    async markDeliveryAttemptFailed(id, leaseUntil, error, retryAt) {
      const { numUpdatedRows } = await db
        .updateTable('deliveries')
        .set(
          retryAt === null
            ? { state: 'failed', lastError: error }
            : { nextAttemptAt: retryAt, lastError: error },
        )
        .where('id', '=', id)
        .where('state', '=', 'pending')
        .where('nextAttemptAt', '=', leaseUntil)
        .executeTakeFirst();
      return numUpdatedRows === 1n;
    },
    async countDeliveries(state) {
      const row = await db
        .selectFrom('deliveries')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('state', '=', state)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async findDelivery(id) {
      const row = await db
        .selectFrom('deliveries')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toDelivery(row) : null;
    },
    async listFailedDeliveries(siteId, limit) {
      const rows = await db
        .selectFrom('deliveries')
        .selectAll()
        .where('siteId', '=', siteId)
        .where('state', '=', 'failed')
        .orderBy('createdAt', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ ...toDelivery(r), createdAt: r.createdAt }));
    },

    async enqueue(deliveries, now) {
      await insertDeliveries(db, deliveries, now);
    },
  };
}
