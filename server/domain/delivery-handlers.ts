import { VISITOR_REPLY } from './conversation';
import type { MailContext } from './mail-context';
import type { DeliveryHandler } from './outbox';
import { REP_NOTIFICATION, repNotificationHandler } from './rep-notification';
import { SIGN_IN_LINK, signInLinkHandler } from './sign-in-link';
import { visitorReplyHandler } from './visitor-reply';

/** Every delivery kind the outbox knows, with its handler. */
export function deliveryHandlers(ctx: MailContext): Record<string, DeliveryHandler> {
  return {
    [REP_NOTIFICATION]: repNotificationHandler(ctx),
    [VISITOR_REPLY]: visitorReplyHandler(ctx),
    [SIGN_IN_LINK]: signInLinkHandler(ctx),
  };
}
