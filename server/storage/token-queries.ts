import type { Kysely } from 'kysely';
import type { Database } from './database';
import { toToken } from './rows';
import type { Store } from './store';

type TokenQueries = Pick<
  Store,
  'findConversationToken' | 'findPartyToken' | 'createConversationToken' | 'revokeConversationToken'
>;

/** The conversation tokens (hashes only) that let a visitor or a rep into a thread. */
export function tokenQueries(db: Kysely<Database>): TokenQueries {
  return {
    async findConversationToken(tokenHash) {
      const row = await db
        .selectFrom('conversationTokens')
        .selectAll()
        .where('tokenHash', '=', tokenHash)
        .executeTakeFirst();
      return row ? toToken(row) : null;
    },

    async findPartyToken(inquiryId, party, repId) {
      let q = db
        .selectFrom('conversationTokens')
        .selectAll()
        .where('inquiryId', '=', inquiryId)
        .where('party', '=', party)
        .where('revokedAt', 'is', null);
      if (repId !== undefined) q = q.where('repId', '=', repId);
      const row = await q.orderBy('createdAt', 'desc').executeTakeFirst();
      return row ? toToken(row) : null;
    },

    async createConversationToken(t) {
      await db
        .insertInto('conversationTokens')
        .values({ ...t, createdAt: new Date().toISOString(), revokedAt: null })
        .execute();
    },

    async revokeConversationToken(id, at) {
      await db
        .updateTable('conversationTokens')
        .set({ revokedAt: at })
        .where('id', '=', id)
        .execute();
    },
  };
}
