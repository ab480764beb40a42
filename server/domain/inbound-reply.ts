import { createHash } from 'node:crypto';
import { SmtpRefusal, type InboundReply } from '../mail/inbound-server';
import type { IdempotencyRecord, Inquiry, Rep } from '../storage/store';
import { addRepMessage, addVisitorMessage, type ConversationDeps } from './conversation';
import { resolveConversationToken } from './conversation-tokens';
import { createOnce, idempotencyClaim, replayOf } from './idempotency';

/** Whether a reply address's token is live: the receiver refuses others before DATA. */
export async function isLiveReplyToken(deps: ConversationDeps, token: string): Promise<boolean> {
  return (await resolveConversationToken(deps.store, token)) !== null;
}

/**
 * Adds a mailed answer to its thread as the person the token belongs to: the visitor's as a
 * follow-up, the rep's as a reply (mailed on to the visitor). The token alone decides who it
 * is; a token revoked since (the inquiry was reassigned) is refused like an unknown one.
 * What no retry can change is refused for good (550), so the sender bounces it at once.
 */
export async function receiveInboundReply(
  deps: ConversationDeps,
  reply: InboundReply,
): Promise<void> {
  const record = await resolveConversationToken(deps.store, reply.token);
  const inquiry = record ? await deps.store.findInquiry(record.inquiryId) : null;
  // Live at RCPT TO, but revoked or deleted with its inquiry before the message ended.
  if (!record || !inquiry)
    throw new SmtpRefusal(550, '5.1.1 This reply address is no longer in use');
  const id = deps.newId();
  const claim = mailClaim(reply, inquiry, id);
  // A copy of a mail already stored (or being stored, in a race) is accepted and adds nothing.
  if (await replayOf(deps.store, claim)) return;
  const once = claim && { id, idempotency: claim };
  const rep = record.party === 'rep' ? await replyingRep(deps, record.repId, inquiry) : null;
  await createOnce(
    deps.store,
    claim,
    async () => {
      if (rep) await addRepMessage(deps, rep, inquiry, reply.text, 'reply', 'email', once);
      else await addVisitorMessage(deps, inquiry, reply.text, 'email', once);
    },
    async () => {},
  );
}

// The rep a rep token stands for, while they still have the inquiry; a refusal for good if not.
async function replyingRep(
  deps: ConversationDeps,
  repId: string | null,
  inquiry: Inquiry,
): Promise<Rep> {
  const rep = repId ? await deps.store.findRep(repId) : null;
  if (!rep || inquiry.repId !== rep.id) {
    throw new SmtpRefusal(550, '5.7.1 The inquiry is no longer assigned to you: reply not added');
  }
  if (!rep.active) {
    throw new SmtpRefusal(550, '5.7.1 Your account is deactivated: reply not added');
  }
  return rep;
}

/**
 * A mail's Message-ID as the Idempotency-Key of the message it creates, in the inquiry's
 * message scope: when our 250 is lost the sending server delivers the same mail again, and that
 * copy must add nothing (nor mail anyone again). The key takes the reply's text too: a client
 * that puts one Message-ID (or "<>") on every mail must not have its next answers taken for
 * copies. Hashed into a valid key whatever the Message-ID's length or characters. Null for a
 * mail without one, which is stored each time it comes.
 */
function mailClaim(reply: InboundReply, inquiry: Inquiry, id: string): IdempotencyRecord | null {
  if (!reply.messageId) return null;
  const mail = { messageId: reply.messageId, text: reply.text };
  const key = `mail:${createHash('sha256').update(JSON.stringify(mail)).digest('hex')}`;
  return idempotencyClaim(key, `message:${inquiry.id}`, mail, id);
}
