import { createHash } from 'node:crypto';
import { MESSAGE_MAX } from '../../contract';
import { ATTACHMENT_BYTES_MAX, ATTACHMENTS_MAX } from '../../contract/limits';
import { SmtpRefusal, type InboundReply } from '../mail/inbound-server';
import { TooManyFiles, type IdempotencyRecord, type Inquiry, type Rep } from '../storage/store';
import { INQUIRY_FILES_MAX, sortMailedFiles, type KeptFile } from './attachments';
import { addRepMessage, addVisitorMessage, type ConversationDeps } from './conversation';
import { resolveConversationToken } from './conversation-tokens';
import { DomainError } from './errors';
import { createOnce, idempotencyClaim, replayOf } from './idempotency';
import { withinMinuteLimits } from './rate-limit';

/** Whether a reply address's token is live: the receiver refuses others before DATA. */
export async function isLiveReplyToken(deps: ConversationDeps, token: string): Promise<boolean> {
  return (await resolveConversationToken(deps.store, token)) !== null;
}

/**
 * Adds a mailed answer to its thread as the person the token belongs to: the visitor's as a
 * follow-up, the rep's as a reply (mailed on to the visitor). The token alone decides who it
 * is; a token revoked since (the inquiry was reassigned) is refused like an unknown one.
 * What no retry can change is refused for good (550), so the sender bounces it at once.
 * Its files are kept by the widget's rule, with the message, for the inbox only. A visitor's
 * follow-ups count against the conversation's limit, as the widget's do: each mails the rep.
 */
export async function receiveInboundReply(
  deps: ConversationDeps,
  reply: InboundReply,
  { messagesPerMinute }: { messagesPerMinute: number },
): Promise<void> {
  const record = await resolveConversationToken(deps.store, reply.token);
  const inquiry = record ? await deps.store.findInquiry(record.inquiryId) : null;
  // Live at RCPT TO, but revoked or deleted with its inquiry before the message ended.
  if (!record || !inquiry)
    throw new SmtpRefusal(550, '5.1.1 This reply address is no longer in use');
  const held = reply.files.length > 0 ? await deps.store.listAttachments(inquiry.id) : [];
  const { kept, notKept } = sortMailedFiles(reply.files, INQUIRY_FILES_MAX - held.length);
  const text = withFileNotes(reply.text, kept, notKept);
  // A thread message has the widget's limit, however it arrives (the notes of files included);
  // the sender gets a bounce.
  if (text.length > MESSAGE_MAX) {
    throw new SmtpRefusal(
      552,
      `5.3.4 Reply longer than ${MESSAGE_MAX} characters: please shorten it`,
    );
  }
  const id = deps.newId();
  const claim = mailClaim(reply, inquiry, id);
  // A copy of a mail already stored (or being stored, in a race) is accepted and adds nothing.
  if (await replayOf(deps.store, claim)) return;
  const once = claim && { id, idempotency: claim };
  const rep = record.party === 'rep' ? await replyingRep(deps, record.repId, inquiry) : null;
  // Over the limit, the sender's server is asked to try again later: a flood arrives a few a
  // minute at most (the widget's 429), and nothing sent in earnest is lost.
  if (!rep) {
    await withinMinuteLimits(
      deps.store,
      [[`message:inquiry:${inquiry.id}`, messagesPerMinute]],
      deps.clock(),
      'too many messages',
    ).catch((err: unknown) => {
      if (err instanceof DomainError && err.code === 'TOO_MANY_ATTEMPTS') {
        throw new SmtpRefusal(451, '4.7.0 Too many messages to this conversation, try again later');
      }
      throw err;
    });
  }
  // The files join the message's transaction: never one stored without the other (a failure
  // stores neither, and the sender's retry brings both again).
  const extras = { once, files: kept, filesMax: INQUIRY_FILES_MAX };
  await createOnce(
    deps.store,
    claim,
    async () => {
      if (rep) await addRepMessage(deps, rep, inquiry, text, 'reply', 'email', extras);
      else await addVisitorMessage(deps, inquiry, text, 'email', extras);
    },
    async () => {},
  ).catch((err: unknown) => {
    // Another mail's files were stored since `held` was read: the sender tries again later,
    // and this mail's files are then sorted against what the inquiry holds by then.
    if (err instanceof TooManyFiles) {
      throw new SmtpRefusal(451, '4.3.0 Files arrived meanwhile, please try again later');
    }
    throw err;
  });
}

// The thread says which files came with a mailed reply: those kept (downloadable in the inbox,
// never mailed on, so a buyer does not wait for a rep's file that Liaison keeps) and those
// not, so that neither side takes a quotation or a drawing for delivered when it was not.
function withFileNotes(text: string, kept: KeptFile[], notKept: string[]): string {
  const notes: string[] = [];
  if (kept.length > 0) {
    notes.push(
      `[Attached by mail, kept for the sales team only: ${kept.map((f) => f.filename).join(', ')}]`,
    );
  }
  if (notKept.length > 0) {
    const rule = `Up to ${ATTACHMENTS_MAX} files of ${ATTACHMENT_BYTES_MAX / 1024 / 1024} MB each are kept, ${INQUIRY_FILES_MAX} per inquiry: images, PDF, Word or Excel.`;
    notes.push(`[Attached by mail, not kept: ${notKept.join(', ')}. ${rule}]`);
  }
  return [text, ...notes].filter(Boolean).join('\n\n');
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
  // The mail as it came, not as stored: the notes on its files depend on the room the inquiry
  // has left, which the first delivery of the same mail used up.
  const files = reply.files.map((f) => createHash('sha256').update(f.content).digest('hex'));
  // (A mail without files keys as before files were kept: a retry across an upgrade matches.)
  const mail = { messageId: reply.messageId, text: reply.text, ...(files.length > 0 && { files }) };
  const key = `mail:${createHash('sha256').update(JSON.stringify(mail)).digest('hex')}`;
  return idempotencyClaim(key, `message:${inquiry.id}`, mail, id);
}
