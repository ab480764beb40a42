import {
  DELIVERY_FAILED_NOTICE,
  deliveryFailedNoticeHandler,
  ESCALATION_NOTICE,
  escalationNoticeHandler,
  NOTICE_MAIL,
  noticeMailHandler,
  UNASSIGNED_NOTICE,
  unassignedNoticeHandler,
} from './admin-notices';
import { VISITOR_REPLY } from './conversation';
import type { MailContext } from './mail-context';
import type { DeliveryHandler } from './outbox';
import { REP_NOTIFICATION, repNotificationHandler } from './rep-notification';
import { SIGN_IN_LINK, signInLinkHandler } from './sign-in-link';
import { VISITOR_ACK, visitorAckHandler } from './visitor-ack';
import { WEBHOOK } from './webhook-events';
import { webhookHandler, type WebhookSendOptions } from './webhook-handler';
import { visitorReplyHandler } from './visitor-reply';
import { isWorkingAt, nextWorkingStart } from './working-hours';

/** Every delivery kind the outbox knows, with its handler. */
export function deliveryHandlers(
  ctx: MailContext,
  webhooks: WebhookSendOptions = {},
): Record<string, DeliveryHandler> {
  return {
    [WEBHOOK]: webhookHandler(ctx, webhooks),
    [REP_NOTIFICATION]: repNotificationHandler(ctx),
    [VISITOR_REPLY]: visitorReplyHandler(ctx),
    [SIGN_IN_LINK]: signInLinkHandler(ctx),
    [UNASSIGNED_NOTICE]: unassignedNoticeHandler(ctx),
    [ESCALATION_NOTICE]: escalationNoticeHandler(ctx),
    [DELIVERY_FAILED_NOTICE]: deliveryFailedNoticeHandler(ctx),
    [NOTICE_MAIL]: noticeMailHandler(ctx),
    [VISITOR_ACK]: visitorAckHandler({
      ...ctx,
      // When an off-duty rep is next on duty; null when on duty, away (unknown) or no hours.
      async backAt(repId, at) {
        const rep = await ctx.store.findRep(repId);
        const profile = rep ? (await ctx.store.findRepProfiles(rep.siteId)).get(repId) : undefined;
        if (!profile?.hours || profile.away || isWorkingAt(profile.hours, at)) return null;
        return nextWorkingStart(profile.hours, at);
      },
    }),
  };
}
