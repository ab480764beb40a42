import type { Kysely, Transaction } from 'kysely';
import { compiledStatement } from './compiled-statement';
import type { Database } from './database';
import { insertDeliveries } from './outbox-queries';
import { fromInquiry } from './rows';
import { insertTurn } from './routing-queries';
import { rankOnInsert } from './list-place';
import { indexInquiries } from './search-index';
import { TurnTaken, type NewConversationToken, type Store } from './store';

type NewInquiry = Parameters<Store['createInquiry']>[0];

// The statements every new inquiry runs, compiled once (compiled-statement.ts); its text index
// rows: search-index.ts, its deliveries: outbox-queries.ts.
const keyInserted = compiledStatement(
  (db: Kysely<Database>, v: NonNullable<NewInquiry['idempotency']> & { createdAt: string }) =>
    db.insertInto('idempotencyKeys').values(v),
);
const inquiryInserted = compiledStatement(
  (db: Kysely<Database>, v: ReturnType<typeof fromInquiry>) =>
    db.insertInto('inquiries').values({ ...v, ...rankOnInsert(db, v) }),
);
const messageInserted = compiledStatement((db: Kysely<Database>, v: NewInquiry['message']) =>
  db.insertInto('messages').values(v),
);
const tokensInserted = compiledStatement(
  (db: Kysely<Database>, ...rows: Array<NewConversationToken & { createdAt: string }>) =>
    db.insertInto('conversationTokens').values(rows.map((v) => ({ ...v, revokedAt: null }))),
);

/** One inquiry with everything stored with it, in the caller's transaction. */
export async function writeInquiry(
  trx: Transaction<Database>,
  { inquiry, message, tokens, deliveries, teamTurn, idempotency, attachmentIds = [] }: NewInquiry,
): Promise<void> {
  if (idempotency) await keyInserted(trx, { ...idempotency, createdAt: inquiry.createdAt });
  if (teamTurn) {
    if (!(await insertTurn(trx, teamTurn))) throw new TurnTaken(teamTurn.teamId, teamTurn.turn);
  }
  await inquiryInserted(trx, fromInquiry(inquiry));
  await messageInserted(trx, message);
  await indexInquiries(trx, [
    { ...inquiry, body: message.authorKind === 'system' ? '' : message.body },
  ]);
  // The visitor's and the rep's in one statement.
  if (tokens.length > 0) {
    await tokensInserted(trx, ...tokens.map((t) => ({ ...t, createdAt: inquiry.createdAt })));
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
}
