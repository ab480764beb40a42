import type { InboundReply } from '../mail/inbound-server';
import { addRepMessage, addVisitorMessage, type ConversationDeps } from './conversation';
import { resolveConversationToken } from './conversation-tokens';

/** Whether a reply address's token is live: the receiver refuses others before DATA. */
export async function isLiveReplyToken(deps: ConversationDeps, token: string): Promise<boolean> {
  return (await resolveConversationToken(deps.store, token)) !== null;
}

/**
 * Adds a mailed answer to its thread as the person the token belongs to: the visitor's as a
 * follow-up, the rep's as a reply (mailed on to the visitor). The token alone decides who it
 * is; a token revoked since (the inquiry was reassigned) is refused like an unknown one.
 */
export async function receiveInboundReply(
  deps: ConversationDeps,
  reply: InboundReply,
): Promise<void> {
  const record = await resolveConversationToken(deps.store, reply.token);
  const inquiry = record ? await deps.store.findInquiry(record.inquiryId) : null;
  if (!record || !inquiry) throw new Error('reply token is no longer live');
  if (record.party === 'visitor') {
    await addVisitorMessage(deps, inquiry, reply.text, 'email');
    return;
  }
  const rep = record.repId ? await deps.store.findRep(record.repId) : null;
  if (!rep?.active || inquiry.repId !== rep.id)
    throw new Error('reply token of a rep who no longer has the inquiry');
  await addRepMessage(deps, rep, inquiry, reply.text, 'reply', 'email');
}
