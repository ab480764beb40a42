import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from './database';
import { insertDeliveries } from './outbox-queries';
import { fromInquiry, patchColumns, toInquiry, toMessage } from './rows';
import type { SearchAdapter } from './search';
import type { InboxScope, Store } from './store';

type InquiryQueries = Pick<
  Store,
  | 'createInquiry'
  | 'inquiryIdsOfVisitor'
  | 'closedInquiryIdsBefore'
  | 'deleteInquiries'
  | 'findIdempotency'
  | 'findInquiry'
  | 'listMessages'
  | 'addMessage'
  | 'updateInquiry'
  | 'listInquiries'
  | 'countUnread'
  | 'firstMessages'
>;

/** The inbox order: awaiting a reply first, then newest activity, then id (all descending). */
function listOrder(
  a: { awaitingReply: boolean; lastActivityAt: string; id: string },
  b: { awaitingReply: boolean; lastActivityAt: string; id: string },
): number {
  if (a.awaitingReply !== b.awaitingReply) return a.awaitingReply ? -1 : 1;
  if (a.lastActivityAt !== b.lastActivityAt) return a.lastActivityAt > b.lastActivityAt ? -1 : 1;
  return a.id === b.id ? 0 : a.id > b.id ? -1 : 1;
}

// Up to this many matches, a search is driven by the text index and sorted; past it, by the
// list's order index with the match as a filter (see SearchAdapter).
const SELECTIVE_SEARCH = 2000;

// Rows of the list a search first matches one by one, before it asks the text index: a word
// in one inquiry of SEARCH_WINDOW / 25 fills a first page there.
const SEARCH_WINDOW = 500;

/** Rows strictly after `after` in the list's (awaiting desc, activity desc, id desc) order. */
function afterRow(
  eb: ExpressionBuilder<Database, 'inquiries'>,
  after: { awaitingReply: boolean; lastActivityAt: string; id: string },
) {
  const awaiting = after.awaitingReply ? 1 : 0;
  return eb.or([
    eb('inquiries.awaitingReply', '<', awaiting),
    eb.and([
      eb('inquiries.awaitingReply', '=', awaiting),
      eb.or([
        eb('inquiries.lastActivityAt', '<', after.lastActivityAt),
        eb.and([
          eb('inquiries.lastActivityAt', '=', after.lastActivityAt),
          eb('inquiries.id', '<', after.id),
        ]),
      ]),
    ]),
  ]);
}

/** Inquiries, their messages, and the inbox list (their tokens: token-queries.ts). */
export function inquiryQueries(db: Kysely<Database>, search: SearchAdapter): InquiryQueries {
  const inScope = (scope: InboxScope) => {
    let q = db.selectFrom('inquiries').where('inquiries.siteId', '=', scope.siteId);
    if (scope.repId !== undefined) q = q.where('inquiries.repId', '=', scope.repId);
    return q;
  };

  return {
    async createInquiry({
      inquiry,
      message,
      tokens,
      deliveries,
      teamTurn,
      idempotency,
      attachmentIds = [],
    }) {
      await db.transaction().execute(async (trx) => {
        if (idempotency) {
          await trx
            .insertInto('idempotencyKeys')
            .values({ ...idempotency, createdAt: inquiry.createdAt })
            .execute();
        }
        if (teamTurn) {
          await trx
            .updateTable('teams')
            .set({ lastAssignedRepId: teamTurn.repId })
            .where('id', '=', teamTurn.teamId)
            .execute();
        }
        await trx.insertInto('inquiries').values(fromInquiry(inquiry)).execute();
        await trx.insertInto('messages').values(message).execute();
        for (const t of tokens) {
          await trx
            .insertInto('conversationTokens')
            .values({ ...t, createdAt: inquiry.createdAt, revokedAt: null })
            .execute();
        }
        if (attachmentIds.length > 0) {
          await trx
            .updateTable('attachments')
            .set({ inquiryId: inquiry.id })
            .where('id', 'in', attachmentIds)
            .where('siteId', '=', inquiry.siteId)
            .where('inquiryId', 'is', null)
            .execute();
        }
        await insertDeliveries(trx, deliveries, inquiry.createdAt);
      });
    },

    async findIdempotency(keyHash) {
      const row = await db
        .selectFrom('idempotencyKeys')
        .select(['keyHash', 'fingerprint', 'resourceId'])
        .where('keyHash', '=', keyHash)
        .executeTakeFirst();
      return row ?? null;
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

    async closedInquiryIdsBefore(siteId, cutoff, limit) {
      const rows = await db
        .selectFrom('inquiries')
        .select('id')
        .where('siteId', '=', siteId)
        .where('status', '=', 'closed')
        .where('lastActivityAt', '<', cutoff)
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },

    async deleteInquiries(ids) {
      if (ids.length === 0) return;
      await db.transaction().execute(async (trx) => {
        const messageIds = (
          await trx.selectFrom('messages').select('id').where('inquiryId', 'in', ids).execute()
        ).map((m) => m.id);
        // Deliveries name their inquiry only inside the JSON payload: match it as text.
        for (const id of ids) {
          await trx
            .deleteFrom('deliveries')
            .where('payload', 'like', `%"inquiryId":"${id}"%`)
            .execute();
        }
        await trx
          .deleteFrom('idempotencyKeys')
          .where('resourceId', 'in', [...ids, ...messageIds])
          .execute();
        await trx.deleteFrom('conversationTokens').where('inquiryId', 'in', ids).execute();
        await trx.deleteFrom('attachments').where('inquiryId', 'in', ids).execute();
        await trx.deleteFrom('messages').where('inquiryId', 'in', ids).execute();
        await trx.deleteFrom('inquiries').where('id', 'in', ids).execute();
      });
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

    async addMessage({ message, patch, deliveries, idempotency }) {
      await db.transaction().execute(async (trx) => {
        if (idempotency) {
          await trx
            .insertInto('idempotencyKeys')
            .values({ ...idempotency, createdAt: message.createdAt })
            .execute();
        }
        await trx.insertInto('messages').values(message).execute();
        await trx
          .updateTable('inquiries')
          .set(patchColumns(patch, message.createdAt))
          .where('id', '=', message.inquiryId)
          .execute();
        if (patch.firstReplyAt) {
          await trx
            .updateTable('inquiries')
            .set({ firstReplyAt: patch.firstReplyAt })
            .where('id', '=', message.inquiryId)
            .where('firstReplyAt', 'is', null)
            .execute();
        }
        await insertDeliveries(trx, deliveries, message.createdAt);
      });
    },

    async updateInquiry(id, patch) {
      await db
        .updateTable('inquiries')
        .set(patchColumns(patch, new Date().toISOString()))
        .where('id', '=', id)
        .execute();
    },

    async listInquiries(scope, { status, search: query, after, limit }) {
      let q = inScope(scope).selectAll('inquiries');
      if (status) q = q.where('inquiries.status', '=', status);
      if (after) q = q.where((eb) => afterRow(eb, after));
      const ordered = <T extends typeof q>(query: T) =>
        query
          .orderBy('inquiries.awaitingReply', 'desc')
          .orderBy('inquiries.lastActivityAt', 'desc')
          .orderBy('inquiries.id', 'desc');
      if (query) {
        // First the next SEARCH_WINDOW rows of the list, each matched as it is read: a common
        // word fills the page within a few dozen rows, and no text index entry is read whole
        // (on PostgreSQL, reading "rhein"'s, a fifth of a million inquiries, took 42 ms).
        if (search.rowByRow) {
          const window = ordered(q).limit(SEARCH_WINDOW);
          const near = await ordered(
            db.selectFrom(window.as('inquiries')).selectAll().where(search.filter(query)),
          )
            .limit(limit)
            .execute();
          if (near.length === limit) return near.map(toInquiry);
        }
        // Fewer matches than a page there: the word is rare, or the list ends. The text index
        // says which, reading at most SELECTIVE_SEARCH + 1 of its entries.
        const ids = await search.candidates(db, query, SELECTIVE_SEARCH);
        if (ids === null) q = q.where(search.filter(query));
        else {
          // A few matches: fetch them by primary key and order them here. With ORDER BY or the
          // scope in the query, an engine may walk a whole list index looking for these few
          // (measured: 1.3 s instead of 0.3 ms at a million inquiries).
          if (ids.length === 0) return [];
          const found = await db
            .selectFrom('inquiries')
            .selectAll()
            .where('id', 'in', ids)
            .execute();
          return found
            .map(toInquiry)
            .filter(
              (i) =>
                i.siteId === scope.siteId && (scope.repId === undefined || i.repId === scope.repId),
            )
            .filter((i) => !status || i.status === status)
            .sort(listOrder)
            .filter((i) => !after || listOrder(i, after) > 0)
            .slice(0, limit);
        }
      }
      const rows = await ordered(q).limit(limit).execute();
      return rows.map(toInquiry);
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
