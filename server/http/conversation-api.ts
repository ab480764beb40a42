import { Hono, type MiddlewareHandler } from 'hono';
import { MessageInput, type MessageCreated } from '../../contract';
import type { AbuseLimits } from '../config';
import { addVisitorMessage, type ConversationDeps } from '../domain/conversation';
import { withinMinuteLimits } from '../domain/rate-limit';
import type { ClientAddress } from './client-address';
import {
  conversationView,
  openVisitorThread,
  toThreadMessage,
  type VisitorThread,
} from '../domain/visitor-conversation';
import { DomainError } from '../domain/errors';
import { applyCors } from './cors';
import { requestHeader } from './node-headers';
import { jsonBody, requireJson } from './json-body';
import { createOnce, idempotencyClaim } from '../domain/idempotency';
import { liveEvents } from './sse';

export type ConversationApiDeps = ConversationDeps & {
  publicUrl: string;
  abuse: AbuseLimits;
  clientAddress: ClientAddress;
};

interface ThreadEnv {
  Variables: { thread: VisitorThread };
}

/**
 * Opens the thread named by the token in the path and applies its site's CORS policy; the
 * conversation page on our own origin is allowed too. An unknown token is 404 for everyone, and
 * readable by any origin: a site's widget holding the token of a deleted or purged inquiry must
 * hear "not found" and forget it, not take the answer the browser hid for a network failure
 * (and keep retrying). It tells nothing: every unknown token answers the same.
 */
const threadAccess = ({ store, publicUrl }: ConversationApiDeps): MiddlewareHandler<ThreadEnv> =>
  async function threadAccess(c, next) {
    let thread: VisitorThread;
    try {
      thread = await openVisitorThread(store, c.req.param('token') ?? '');
    } catch (err) {
      if (!(err instanceof DomainError && err.code === 'CONVERSATION_NOT_FOUND')) throw err;
      const origin = requestHeader(c, 'origin');
      const preflight = applyCors(c, origin === undefined ? [] : [origin]);
      if (preflight) return preflight;
      throw err;
    }
    c.set('thread', thread);
    const preflight = applyCors(c, [...thread.site.allowedOrigins, new URL(publicUrl).origin]);
    if (preflight) return preflight;
    await next();
  };

/** The visitor's side of a conversation, under /api/v1/conversations/{token}. */
export function conversationApi(deps: ConversationApiDeps) {
  const { store, publicUrl, events } = deps;
  return new Hono<ThreadEnv>()
    .use('/:token', threadAccess(deps))
    .use('/:token/*', threadAccess(deps))
    .get('/:token', async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json(await conversationView(store, publicUrl, c.var.thread));
    })
    .post('/:token/messages', requireJson, jsonBody(MessageInput), async (c) => {
      const { inquiry } = c.var.thread;
      const input = c.req.valid('json');
      const id = deps.newId();
      const claim = idempotencyClaim(
        c.req.header('Idempotency-Key'),
        `message:${inquiry.id}`,
        input,
        id,
      );
      const answer = async (messageId: string): Promise<MessageCreated> => {
        const stored = (await store.listMessages(inquiry.id)).find((m) => m.id === messageId);
        const view = stored && toThreadMessage(stored, new Map());
        if (!view) throw new Error(`message ${messageId} of an idempotency key is gone`);
        return { message: view };
      };
      const created = await createOnce(
        store,
        claim,
        async () => {
          // Each follow-up mails the rep: a token must not become a way to flood them.
          await withinMinuteLimits(
            store,
            [
              [`message:inquiry:${inquiry.id}`, deps.abuse.messagesPerMinute],
              [`message:ip:${deps.clientAddress(c)}`, deps.abuse.messagesPerMinute * 6],
            ],
            deps.clock(),
            'Too many messages were sent from here. Please wait a minute and try again.',
          );
          const message = await addVisitorMessage(deps, inquiry, input.body, 'widget', {
            once: claim && { id, idempotency: claim },
          });
          return answer(message.id);
        },
        answer,
      );
      return c.json(created, 201);
    })
    .get('/:token/events', (c) => {
      const id = c.var.thread.inquiry.id;
      return liveEvents(c, events, (e) =>
        e.inquiryId === id && e.visitorVisible && e.type === 'message' ? { type: 'message' } : null,
      );
    });
}
