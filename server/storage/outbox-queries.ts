import {
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  sql,
  type SqlBool,
  type Transaction,
} from 'kysely';
import type { Database } from './database';
import { toDelivery } from './rows';
import type { NewDelivery, Store } from './store';

type OutboxQueries = Pick<
  Store,
  | 'dueDeliveries'
  | 'claimDelivery'
  | 'markDeliverySent'
  | 'markDeliveryAttemptFailed'
  | 'countDeliveries'
  | 'findDelivery'
  | 'enqueue'
  | 'listFailedDeliveries'
>;

// A payload naming an inquiry names it first, so that listFailedDeliveries finds the inquiry
// at a fixed place in the text (JSON keeps the order keys were first given in).
const payloadText = (payload: Record<string, unknown>) =>
  JSON.stringify('inquiryId' in payload ? { inquiryId: payload.inquiryId, ...payload } : payload);
const INQUIRY_PREFIX = '{"inquiryId":"';
// Ids are UUIDs (server/ids.ts): 36 characters, ending at the quote after them.
const ID_LENGTH = 36;
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

type Deliveries = Database & { d: Database['deliveries'] };

/**
 * Whether delivery `d` is the site's. Deliveries name their inquiry, rep or site only inside
 * the JSON payload, and the two engines share no JSON function (nor a substring search): the
 * inquiry's id is read at its fixed place (payloadText) and found by primary key, so the
 * site's list costs an index probe per failed delivery whatever other sites' failures; a
 * payload naming its inquiry elsewhere (none is written so) is matched against the site's
 * inquiries as text, and one naming none against its reps (sign-in links) or the site itself
 * (webhook tests, notices).
 */
function ofSite(eb: ExpressionBuilder<Deliveries, 'd'>, siteId: string): Expression<SqlBool> {
  const payload = sql.ref<string>('d.payload');
  const start = INQUIRY_PREFIX.length + 1;
  const fixed = eb.and([
    eb('d.payload', 'like', `${INQUIRY_PREFIX}%`),
    eb(eb.fn('substr', [payload, eb.val(start + ID_LENGTH), eb.val(1)]), '=', '"'),
  ]);
  // LIKE '%"<key>":"' || <id column> || '"%': the payload names that row.
  const names = (key: string, id: string) =>
    sql<SqlBool>`${payload} like ${`%"${key}":"`} || ${sql.ref(id)} || '"%'`;
  const inquiries = eb.selectFrom('inquiries as i').select('i.id').where('i.siteId', '=', siteId);
  return eb.or([
    eb.and([
      fixed,
      eb.exists(
        inquiries.where(
          'i.id',
          '=',
          eb.fn<string>('substr', [payload, eb.val(start), eb.val(ID_LENGTH)]),
        ),
      ),
    ]),
    eb.and([
      eb.not(fixed),
      eb('d.payload', 'like', '%"inquiryId":"%'),
      eb.exists(inquiries.where(names('inquiryId', 'i.id'))),
    ]),
    eb.and([
      eb('d.payload', 'not like', '%"inquiryId":%'),
      eb.or([
        sql<SqlBool>`${payload} like ${`%"siteId":"${escapeLike(siteId)}"%`} escape '\\'`,
        eb.exists(
          eb
            .selectFrom('reps as r')
            .select('r.id')
            .where('r.siteId', '=', siteId)
            .where(names('repId', 'r.id')),
        ),
      ]),
    ]),
  ]);
}

/** Inserts deliveries as part of a larger change; a repeated dedupe key adds nothing. */
export async function insertDeliveries(
  db: Kysely<Database> | Transaction<Database>,
  deliveries: NewDelivery[],
  now: string,
): Promise<void> {
  for (const d of deliveries) {
    await db
      .insertInto('deliveries')
      .values({
        id: d.id,
        kind: d.kind,
        payload: payloadText(d.payload),
        dedupeKey: d.dedupeKey,
        state: 'pending',
        nextAttemptAt: now,
        lastError: null,
        createdAt: now,
        sentAt: null,
      })
      .onConflict((oc) => oc.column('dedupeKey').doNothing())
      .execute();
  }
}

/** The outbox: due rows, claims, and outcomes. */
export function outboxQueries(
  db: Kysely<Database>,
  { skipLocked }: { skipLocked: boolean },
): OutboxQueries {
  return {
    async dueDeliveries(now, limit, kinds) {
      let query = db
        .selectFrom('deliveries')
        .selectAll()
        .where('state', '=', 'pending')
        .where('nextAttemptAt', '<=', now);
      // A worker takes only what it has a handler for (webhooks without SMTP, say).
      if (kinds) query = query.where('kind', 'in', kinds.length > 0 ? kinds : ['']);
      const rows = await query.orderBy('nextAttemptAt').limit(limit).execute();
      return rows.map(toDelivery);
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
      await db
        .updateTable('deliveries')
        .set(
          retryAt === null
            ? { state: 'failed', lastError: error }
            : { nextAttemptAt: retryAt, lastError: error },
        )
        .where('id', '=', id)
        .where('state', '=', 'pending')
        .where('nextAttemptAt', '=', leaseUntil)
        .execute();
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
        .selectFrom('deliveries as d')
        .selectAll('d')
        .where('d.state', '=', 'failed')
        .where((eb) => ofSite(eb, siteId))
        .orderBy('d.createdAt', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ ...toDelivery(r), createdAt: r.createdAt }));
    },

    async enqueue(deliveries, now) {
      await insertDeliveries(db, deliveries, now);
    },
  };
}
