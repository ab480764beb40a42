import { Hono, type MiddlewareHandler } from 'hono';
import { MessageInput, type MessageCreated } from '../../contract';
import { addVisitorMessage, type ConversationDeps } from '../domain/conversation';
import {
  conversationView,
  openVisitorThread,
  toThreadMessage,
  type VisitorThread,
} from '../domain/visitor-conversation';
import { applyCors } from './cors';
import { jsonBody, requireJson } from './json-body';
import { liveEvents } from './sse';

export type ConversationApiDeps = ConversationDeps & { publicUrl: string };

interface ThreadEnv {
  Variables: { thread: VisitorThread };
}

/**
 * Opens the thread named by the token in the path and applies its site's CORS policy; the
 * conversation page on our own origin is allowed too. An unknown token is 404 for everyone.
 */
const threadAccess = ({ store, publicUrl }: ConversationApiDeps): MiddlewareHandler<ThreadEnv> =>
  async function threadAccess(c, next) {
    const thread = await openVisitorThread(store, c.req.param('token') ?? '');
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
      const message = await addVisitorMessage(deps, inquiry, c.req.valid('json').body, 'widget');
      const view = toThreadMessage(message, new Map());
      if (!view) throw new Error('a visitor message must be visible to the visitor');
      const body: MessageCreated = { message: view };
      return c.json(body, 201);
    })
    .get('/:token/events', (c) => {
      const id = c.var.thread.inquiry.id;
      return liveEvents(c, events, (e) =>
        e.inquiryId === id && e.visitorVisible && e.type === 'message' ? { type: 'message' } : null,
      );
    });
}
