import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './database';
import type { ErasingTransaction } from './kysely-store';
import { compiledStatement } from './compiled-statement';
import { insertDeliveries } from './outbox-queries';
import { groupCommit } from './group-commit';
import { patchColumns, toInquiry, toMessage } from './rows';
import { insertTurn } from './routing-queries';
import { rankMoveOf } from './list-place';
import { indexMessage } from './search-index';
import { writeInquiry } from './write-inquiry';
import { InquiryGone, TooManyFiles, TurnTaken, type InboxScope, type Store } from './store';

type InquiryQueries = Pick<
  Store,
  | 'createInquiry'
  | 'writesSettled'
  | 'inquiryIdsOfVisitor'
  | 'purgeSettledBefore'
  | 'deleteInquiries'
  | 'findIdempotency'
  | 'findInquiry'
  | 'listMessages'
  | 'addMessage'
  | 'updateInquiry'
  | 'countUnread'
  | 'firstMessages'
>;

// Read for each inquiry and message (compiled-statement.ts).
const idempotencyOf = compiledStatement((db: Kysely<Database>, v: { keyHash: string }) =>
  db
    .selectFrom('idempotencyKeys')
    .select(['keyHash', 'fingerprint', 'resourceId'])
    .where('keyHash', '=', v.keyHash),
);

/** Inquiries and their messages (tokens: token-queries.ts; the list: inquiry-list-queries.ts). */
export function inquiryQueries(
  db: Kysely<Database>,
  {
    writers,
    skipLocked,
    erase = (db, work) => db.transaction().execute(work),
  }: { writers: number; skipLocked: boolean; erase?: ErasingTransaction | undefined },
): InquiryQueries {
  const inScope = (scope: InboxScope) => {
    let q = db.selectFrom('inquiries').where('inquiries.siteId', '=', scope.siteId);
    if (scope.repId !== undefined) q = q.where('inquiries.repId', '=', scope.repId);
    return q;
  };

  const inquiries = groupCommit(db, writeInquiry, { writers });
  return {
    // Inquiries arriving together share a commit (group-commit.ts).
    createInquiry: inquiries.write,
    writesSettled: inquiries.settled,

    async findIdempotency(keyHash) {
      const { rows } = await idempotencyOf(db, { keyHash });
      return rows[0] ?? null;
    },

    async inquiryIdsOfVisitor(siteId, email) {
      const rows = await db
        .selectFrom('inquiries')
        .select('id')
        .where('siteId', '=', siteId)
        .where('visitorEmail', '=', email)
        .execute();
      return rows.map((r) => r.id);
    },

    async purgeSettledBefore(siteId, cutoff, limit) {
      // Chosen and deleted in one transaction, so an inquiry a visitor reopens meanwhile is not
      // deleted: on PostgreSQL the rows are locked as they are chosen, and one being written
      // right then is left for the next run; SQLite writes one transaction at a time.
      // Erased as a visitor's erasure is (on SQLite, the WAL emptied after): nothing of what
      // the retention period ends stays in the file.
      let purged = 0;
      await erase(db, async (trx) => {
        let expired = trx
          .selectFrom('inquiries')
          .select('id')
          .where('siteId', '=', siteId)
          .where('status', 'in', ['closed', 'spam'])
          .where('lastActivityAt', '<', cutoff)
          // Nor touched since (a note, a status change: they move updated_at only).
          .where('updatedAt', '<', cutoff)
          .limit(limit);
        if (skipLocked) expired = expired.forUpdate().skipLocked();
        const ids = (await expired.execute()).map((r) => r.id);
        await deleteWithAll(trx, ids);
        purged = ids.length;
      });
      return purged;
    },

    async deleteInquiries(ids) {
      await erase(
        db,
        async (trx) => {
          // Locked first, as the purge does: a message being added meanwhile is either in before
          // (and deleted with them) or finds them gone (addMessage), never a foreign-key error.
          if (skipLocked && ids.length > 0) {
            await trx
              .selectFrom('inquiries')
              .select('id')
              .where('id', 'in', ids)
              .orderBy('id')
              .forUpdate()
              .execute();
          }
          await deleteWithAll(trx, ids);
        },
        { everyWord: true },
      );
    },

    async findInquiry(id) {
      const row = await db
        .selectFrom('inquiries')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toInquiry(row) : null;
    },

    async listMessages(inquiryId) {
      const rows = await db
        .selectFrom('messages')
        .selectAll()
        .where('inquiryId', '=', inquiryId)
        .orderBy('createdAt')
        .orderBy('id')
        .execute();
      return rows.map(toMessage);
    },

    async addMessage({
      message,
      patch,
      deliveries,
      idempotency,
      attachments = [],
      filesMax = Infinity,
      teamTurn,
    }) {
      return db.transaction().execute(async (trx) => {
        if (patch.escalatedAt !== undefined || patch.whileUnansweredBy !== undefined) {
          // Made only while the inquiry is still unanswered, new or open, checked on the row
          // itself (locked on PostgreSQL until the end of the transaction): a reply, a close or
          // spam committed since the caller read it ends it. An escalation is set once (of
          // processes escalating together the first goes on; the others wait for its row lock,
          // then find it set); an escalation's new rep only while it is with the rep read.
          const held = patch.whileUnansweredBy;
          const claimed = await trx
            .updateTable('inquiries')
            .set({
              ...(patch.escalatedAt !== undefined && { escalatedAt: patch.escalatedAt }),
              ...(held !== undefined && { repId: patch.repId ?? null }),
            })
            .where('id', '=', message.inquiryId)
            .where('firstReplyAt', 'is', null)
            .where('status', 'in', ['new', 'open'])
            .$if(patch.escalatedAt !== undefined, (q) => q.where('escalatedAt', 'is', null))
            .$if(held !== undefined, (q) =>
              q.where((eb) => (held ? eb('repId', '=', held) : eb('repId', 'is', null))),
            )
            .executeTakeFirst();
          if (Number(claimed.numUpdatedRows) === 0) return false;
        }
        // Taken only with a change that is made: an escalation found answered takes none.
        if (teamTurn && !(await insertTurn(trx, teamTurn))) {
          throw new TurnTaken(teamTurn.teamId, teamTurn.turn);
        }
        // Where the change moves it in the list (SQLite), set with the change.
        const move = await rankMoveOf(trx, message.inquiryId, patch);
        // The inquiry's change first: no row means it was deleted after the caller read it (on
        // PostgreSQL, a purge or an erasure deleting it holds its row, and this waits to see).
        const changed = await trx
          .updateTable('inquiries')
          .set({ ...patchColumns(patch, message.createdAt), ...(move && { searchRank: move.to }) })
          .where('id', '=', message.inquiryId)
          .executeTakeFirst();
        if (changed.numUpdatedRows === 0n) throw new InquiryGone(message.inquiryId);
        if (attachments.length > 0 && filesMax < Infinity) {
          const held = await trx
            .selectFrom('attachments')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('inquiryId', '=', message.inquiryId)
            .executeTakeFirstOrThrow();
          if (Number(held.n) + attachments.length > filesMax) {
            throw new TooManyFiles(message.inquiryId);
          }
        }
        if (idempotency) {
          await trx
            .insertInto('idempotencyKeys')
            .values({ ...idempotency, createdAt: message.createdAt })
            .execute();
        }
        await trx.insertInto('messages').values(message).execute();
        await indexMessage(
          trx,
          message.inquiryId,
          message.authorKind === 'system' ? '' : message.body,
          move,
        );
        for (const file of attachments) {
          await trx
            .insertInto('attachments')
            .values({ ...file, inquiryId: message.inquiryId, messageId: message.id })
            .execute();
        }
        if (patch.firstReplyAt) {
          // Its author, and since when they had it (the statistics' wait), kept with it.
          await trx
            .updateTable('inquiries')
            .set({
              firstReplyAt: patch.firstReplyAt,
              firstReplyRepId: message.authorRepId,
              firstReplyFrom: sql<string>`coalesce(handed_at, created_at)`,
            })
            .where('id', '=', message.inquiryId)
            .where('firstReplyAt', 'is', null)
            .execute();
        }
        await insertDeliveries(trx, deliveries, message.createdAt);
        return true;
      });
    },

    async updateInquiry(id, patch) {
      await db
        .updateTable('inquiries')
        .set(patchColumns(patch, new Date().toISOString()))
        .where('id', '=', id)
        .execute();
    },

    async countUnread(scope, cap) {
      // Counting stops at `cap`: a tab title says "99+", and the cost stays flat however many
      // inquiries nobody has read.
      const capped = inScope(scope)
        .select('inquiries.id')
        .where('inquiries.unread', '=', 1)
        .where('inquiries.status', '!=', 'spam')
        .limit(cap);
      const row = await db
        .selectFrom(capped.as('u'))
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async firstMessages(inquiryIds) {
      if (inquiryIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('messages')
        .select(['inquiryId', 'body', 'createdAt', 'id'])
        .where('inquiryId', 'in', inquiryIds)
        .where('authorKind', '=', 'visitor')
        .orderBy('createdAt')
        .orderBy('id')
        .execute();
      const first = new Map<string, string>();
      for (const row of rows) if (!first.has(row.inquiryId)) first.set(row.inquiryId, row.body);
      return first;
    },
  };
}

/** Deletes inquiries and all that hangs on them, in the caller's transaction. */
async function deleteWithAll(trx: Transaction<Database>, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await trx.deleteFrom('deliveries').where('inquiryId', 'in', ids).execute();
  // The messages' keys by a subquery: as a list of ids, a long thread passed the engines' limit
  // of bound values (SQLite's 32,766), and the purge failed on it every hour.
  await trx
    .deleteFrom('idempotencyKeys')
    .where((eb) =>
      eb.or([
        eb('resourceId', 'in', ids),
        eb(
          'resourceId',
          'in',
          eb.selectFrom('messages').select('id').where('inquiryId', 'in', ids),
        ),
      ]),
    )
    .execute();
  await trx.deleteFrom('conversationTokens').where('inquiryId', 'in', ids).execute();
  await trx.deleteFrom('attachments').where('inquiryId', 'in', ids).execute();
  await trx.deleteFrom('messages').where('inquiryId', 'in', ids).execute();
  await trx.deleteFrom('inquiries').where('id', 'in', ids).execute();
}
