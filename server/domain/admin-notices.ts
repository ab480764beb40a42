import { escapeHtml } from '../mail/html';
import { createIdFactory } from '../ids';
import type { Delivery, Inquiry, Rep, Store } from '../storage/store';
import { messageIdFor, payloadString, type MailContext } from './mail-context';
import type { DeliveryHandler } from './outbox';
import { WEBHOOK } from './webhook-events';

/** An inquiry nobody could take waits in the site's queue: its admins are mailed. */
export const UNASSIGNED_NOTICE = 'unassigned-notice';
/** A mail the outbox gave up on: the site's admins are told (never about such a notice itself). */
export const DELIVERY_FAILED_NOTICE = 'delivery-failed-notice';
/** An inquiry without a first reply past the site's promise: its rep and admins are mailed. */
export const ESCALATION_NOTICE = 'escalation-notice';

async function admins(store: Store, siteId: string): Promise<Rep[]> {
  return (await store.listReps(siteId)).filter((r) => r.active && r.role === 'admin');
}

function summary(inquiry: Inquiry): string {
  const who =
    [inquiry.visitor.name, inquiry.visitor.company].filter(Boolean).join(', ') ||
    inquiry.visitor.email;
  const product = inquiry.products[0]?.name;
  return product ? `${who} about ${product}` : who;
}

/** One notice's mail to one person: a notice goes out as one such delivery per recipient. */
export const NOTICE_MAIL = 'notice-mail';

const newNoticeMailId = createIdFactory();

/**
 * Queues the notice's mail to each of `to`, a delivery each, retried on its own: one mailbox
 * failing for a while (full: 452) no longer sends the others theirs again at each retry (20,
 * over a day), nor does a notice to many outlast the outbox's lease. A mailbox refused for good
 * fails its own delivery, and the admins are told as of any mail not delivered (not of a
 * notice about undelivered mail: that would go round). The Message-ID is the notice's and the
 * person's, as when one delivery mailed them all.
 */
async function notify(
  ctx: MailContext,
  delivery: Delivery,
  siteId: string,
  to: Rep[],
  subject: string,
  lines: string[],
): Promise<void> {
  await ctx.store.enqueue(
    to.map((rep) => ({
      id: newNoticeMailId(),
      kind: NOTICE_MAIL,
      siteId,
      inquiryId: delivery.inquiryId,
      payload: { noticeId: delivery.id, noticeKind: delivery.kind, repId: rep.id, subject, lines },
      // A notice tried again (its queueing failed halfway) queues no second mail.
      dedupeKey: `${NOTICE_MAIL}:${delivery.id}:${rep.id}`,
    })),
    ctx.clock().toISOString(),
  );
}

/** Mails one notice to one rep; not to one deactivated since it was queued. */
export const noticeMailHandler = (ctx: MailContext): DeliveryHandler =>
  async function noticeMail(delivery) {
    const rep = await ctx.store.findRep(payloadString(delivery.payload, 'repId'));
    if (!rep?.active) return;
    const { lines } = delivery.payload;
    const text = Array.isArray(lines) ? lines.map(String) : [];
    await ctx.mailer.send({
      messageId: messageIdFor(ctx, `${payloadString(delivery.payload, 'noticeId')}-${rep.id}`),
      to: { name: rep.name, address: rep.email },
      subject: payloadString(delivery.payload, 'subject'),
      text: text.join('\n'),
      html: text.map((l) => `<p>${escapeHtml(l)}</p>`).join(''),
    });
  };

/** Mails the site's admins that an inquiry waits in the unassigned queue. */
export const unassignedNoticeHandler = (ctx: MailContext): DeliveryHandler =>
  async function unassignedNotice(delivery) {
    const inquiry = await ctx.store.findInquiry(payloadString(delivery.payload, 'inquiryId'));
    if (!inquiry || inquiry.repId || inquiry.status === 'spam') return;
    await notify(
      ctx,
      delivery,
      inquiry.siteId,
      await admins(ctx.store, inquiry.siteId),
      `Unassigned inquiry: ${summary(inquiry)}`.slice(0, 200),
      [
        `No rep could take the inquiry from ${summary(inquiry)}; it waits in the unassigned queue.`,
        `(${inquiry.assignmentReason})`,
        `Assign it: ${ctx.publicUrl}/inbox/inquiries/${inquiry.id}`,
      ],
    );
  };

/** Mails the rep and the site's admins that an inquiry has had no reply within the promise. */
export const escalationNoticeHandler = (ctx: MailContext): DeliveryHandler =>
  async function escalationNotice(delivery) {
    const inquiry = await ctx.store.findInquiry(payloadString(delivery.payload, 'inquiryId'));
    // Answered or closed since it was escalated (the mail waited in the outbox): no alarm.
    if (
      !inquiry ||
      (inquiry.status !== 'new' && inquiry.status !== 'open') ||
      !inquiry.awaitingReply
    ) {
      return;
    }
    const hours = payloadString(delivery.payload, 'hours');
    // The rep who let it wait ('': it waited unassigned); a notice queued by an earlier
    // release has no such field: its rep now.
    const named = delivery.payload.repId;
    const waitedId = typeof named === 'string' ? named || null : inquiry.repId;
    const rep = waitedId ? await ctx.store.findRep(waitedId) : null;
    const handedTo =
      inquiry.repId && inquiry.repId !== rep?.id ? await ctx.store.findRep(inquiry.repId) : null;
    const to = [
      // Not a rep who has left (deactivated): the admins alone, told so below.
      ...(rep?.active ? [rep] : []),
      ...(await admins(ctx.store, inquiry.siteId)).filter((a) => a.id !== rep?.id),
    ];
    await notify(
      ctx,
      delivery,
      inquiry.siteId,
      to,
      `No reply within ${hours} hours: ${summary(inquiry)}`.slice(0, 200),
      [
        `The inquiry from ${summary(inquiry)} has had no reply within the ${hours} hours promised.`,
        handedTo
          ? `${rep ? `It was assigned to ${rep.name}` : 'It was in the unassigned queue'}; it has been handed to ${handedTo.name}.`
          : rep
            ? `It is assigned to ${rep.name}${rep.active ? '' : ', who is deactivated: reassign it'}.`
            : 'It is in the unassigned queue.',
        `Answer it: ${ctx.publicUrl}/inbox/inquiries/${inquiry.id}`,
      ],
    );
  };

/** Queues a notice to the site's admins about a delivery the outbox gave up on. */
export async function reportUndelivered(
  { store, newId, clock }: { store: Store; newId: () => string; clock: () => Date },
  delivery: Delivery,
): Promise<void> {
  // Never about a notice of undelivered mail, nor its mail to one admin: that would go round.
  if (delivery.kind === DELIVERY_FAILED_NOTICE) return;
  if (delivery.kind === NOTICE_MAIL && delivery.payload.noticeKind === DELIVERY_FAILED_NOTICE) {
    return;
  }
  const { siteId } = delivery;
  if (siteId === null) return;
  await store.enqueue(
    [
      {
        id: newId(),
        kind: DELIVERY_FAILED_NOTICE,
        siteId,
        inquiryId: delivery.inquiryId,
        payload: { deliveryId: delivery.id, siteId },
        dedupeKey: `${DELIVERY_FAILED_NOTICE}:${delivery.id}`,
      },
    ],
    clock().toISOString(),
  );
}

/** Mails the site's admins that a mail could not be delivered, with the error. */
export const deliveryFailedNoticeHandler = (ctx: MailContext): DeliveryHandler =>
  async function deliveryFailedNotice(delivery) {
    const failed = await ctx.store.findDelivery(payloadString(delivery.payload, 'deliveryId'));
    if (!failed) return;
    const { inquiryId } = failed;
    const siteId = payloadString(delivery.payload, 'siteId');
    await notify(
      ctx,
      delivery,
      siteId,
      await admins(ctx.store, siteId),
      `${failed.kind === WEBHOOK ? 'Webhook call' : 'Mail'} not delivered: ${failed.kind}`,
      [
        failed.kind === WEBHOOK
          ? `Liaison gave up on a webhook call after ${failed.attempts} attempts.`
          : `Liaison gave up on a ${failed.kind} mail after ${failed.attempts} attempts.`,
        `Last error: ${failed.lastError ?? 'unknown'}`,
        inquiryId ? `Inquiry: ${ctx.publicUrl}/inbox/inquiries/${inquiryId}` : '',
        `All undelivered mail: ${ctx.publicUrl}/inbox/admin`,
      ].filter(Boolean),
    );
  };
