import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import {
  InquiryExportQuery,
  InquiryListQuery,
  InquiryUpdate,
  LinkRequest,
  LinkSignIn,
  PasswordSignIn,
  ReplyInput,
  type InboxEvent,
  type Me,
  type RepOption,
} from '../../contract';
import { endSession, SESSION_COOKIE, sessionRep, startSession } from '../auth/sessions';
import { canAccess, inquiryForRep, scopeOf } from '../domain/access';
import { addRepMessage } from '../domain/conversation';
import type { EventBus } from '../domain/events';
import { inquiriesCsv } from '../domain/csv-export';
import { DomainError } from '../domain/errors';
import { createOnce, idempotencyClaim } from '../domain/idempotency';
import { inquiryDetail, listInbox, toInboxMessage } from '../domain/inbox';
import { markRead, updateInquiry, type InboxDeps } from '../domain/inbox-actions';
import { linkSignIn, passwordSignIn } from '../domain/sign-in';
import { requestSignInLink } from '../domain/sign-in-link';
import type { Rep, Store } from '../storage/store';
import type { ClientAddress } from './client-address';
import {
  clearSessionCookie,
  requireRep,
  sameOrigin,
  setSessionCookie,
  type InboxEnv,
} from './inbox-auth';
import { jsonBody, requireJson, validated } from './json-body';
import { liveEvents } from './sse';

export type InboxApiDeps = InboxDeps & {
  clientAddress: ClientAddress;
  publicUrl: string;
  events: EventBus;
  sleep?: (ms: number) => Promise<void>;
  /** How often the live stream pings and checks its rep's session (http/sse.ts; tests shorten it). */
  liveHeartbeatMs?: number;
};

async function me(store: Store, rep: Rep): Promise<Me> {
  const site = await store.findSite(rep.siteId);
  return {
    id: rep.id,
    name: rep.name,
    email: rep.email,
    role: rep.role,
    site: { key: site?.key ?? '', name: site?.name ?? '' },
  };
}

/** The reps' inbox API, under /api/inbox: sign-in, the list, one inquiry, replies, live events. */
export function inboxApi(deps: InboxApiDeps) {
  const { store, clock, publicUrl, events } = deps;
  const signedIn = async (c: Parameters<typeof setSessionCookie>[0], rep: Rep) => {
    const session = await startSession(store, rep.id, clock());
    setSessionCookie(c, publicUrl, session.token, session.expiresAt);
    return c.json(await me(store, rep));
  };

  const auth = new Hono()
    .post('/password', requireJson, jsonBody(PasswordSignIn), async (c) => {
      const { email, password } = c.req.valid('json');
      const rep = await passwordSignIn(deps, { email, password, address: deps.clientAddress(c) });
      return signedIn(c, rep);
    })
    // Always 202, also past the request limits (domain/sign-in-link.ts): nothing tells an
    // account from none.
    .post('/link', requireJson, jsonBody(LinkRequest), async (c) => {
      const { email } = c.req.valid('json');
      await requestSignInLink(deps, { email, address: deps.clientAddress(c) });
      return c.body(null, 202);
    })
    .post('/link/sign-in', requireJson, jsonBody(LinkSignIn), async (c) =>
      signedIn(c, await linkSignIn(deps, c.req.valid('json').token)),
    )
    .post('/sign-out', async (c) => {
      await endSession(store, getCookie(c, SESSION_COOKIE));
      clearSessionCookie(c, publicUrl);
      return c.body(null, 204);
    });

  const inquiries = new Hono<InboxEnv>()
    .get('/', validated('query', InquiryListQuery), async (c) =>
      c.json(await listInbox(store, c.var.rep, c.req.valid('query'))),
    )
    // Before /:id, which would take "export.csv" for an id.
    .get('/export.csv', validated('query', InquiryExportQuery), async (c) => {
      const rows = inquiriesCsv(store, c.var.rep, c.req.valid('query'));
      const encoder = new TextEncoder();
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const next = await rows.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        },
      });
      const day = clock().toISOString().slice(0, 10);
      return c.body(body, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="liaison-inquiries-${day}.csv"`,
        'Cache-Control': 'private, no-store',
      });
    })
    .get('/:id', async (c) => {
      const inquiry = await inquiryForRep(store, c.var.rep, c.req.param('id'));
      return c.json(await inquiryDetail(store, inquiry, clock()));
    })
    // The visitor's file, as a download: never rendered by the browser in our origin.
    .get('/:id/attachments/:attachmentId', async (c) => {
      const inquiry = await inquiryForRep(store, c.var.rep, c.req.param('id'));
      const file = await store.findAttachment(inquiry.id, c.req.param('attachmentId'));
      if (!file) throw new DomainError('NOT_FOUND', 'No such attachment of this inquiry.');
      const ascii = file.filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
      return c.body(new Uint8Array(file.data), 200, {
        'Content-Type': file.contentType,
        'Content-Length': String(file.data.length),
        'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
      });
    })
    .post('/:id/read', async (c) => {
      await markRead(deps, await inquiryForRep(store, c.var.rep, c.req.param('id')));
      return c.body(null, 204);
    })
    .post('/:id/messages', requireJson, jsonBody(ReplyInput), async (c) => {
      const rep = c.var.rep;
      const inquiry = await inquiryForRep(store, rep, c.req.param('id'));
      const input = c.req.valid('json');
      // Send again after a lost answer (a timeout, a dropped connection) with the same key:
      // the reply is stored and mailed once.
      const id = deps.newId();
      const claim = idempotencyClaim(
        c.req.header('Idempotency-Key'),
        `inbox-message:${inquiry.id}`,
        input,
        id,
      );
      const names = new Map([[rep.id, rep.name]]);
      const answer = async (messageId: string) => {
        const stored = (await store.listMessages(inquiry.id)).find((m) => m.id === messageId);
        if (!stored) throw new Error(`message ${messageId} of an idempotency key is gone`);
        return toInboxMessage(stored, names);
      };
      const created = await createOnce(
        store,
        claim,
        async () => {
          const once = claim && { id, idempotency: claim };
          const message = await addRepMessage(deps, rep, inquiry, input.body, input.kind, 'inbox', {
            once,
          });
          return toInboxMessage(message, names);
        },
        answer,
      );
      return c.json(created, 201);
    })
    .patch('/:id', requireJson, jsonBody(InquiryUpdate), async (c) => {
      const rep = c.var.rep;
      const inquiry = await inquiryForRep(store, rep, c.req.param('id'));
      await updateInquiry(deps, rep, inquiry, c.req.valid('json'));
      const updated = await store.findInquiry(inquiry.id);
      // A rep who handed the inquiry on no longer sees it; they get its last state they may see.
      return c.json(
        await inquiryDetail(store, updated && canAccess(rep, updated) ? updated : inquiry, clock()),
      );
    });

  return new Hono<InboxEnv>()
    .use('*', sameOrigin({ publicUrl }))
    .route('/auth', auth)
    .use('*', requireRep({ store, clock, publicUrl }))
    .get('/me', async (c) => c.json(await me(store, c.var.rep)))
    .get('/reps', async (c) => {
      const reps = await store.listReps(c.var.rep.siteId);
      return c.json(reps.map((r): RepOption => ({ id: r.id, name: r.name, active: r.active })));
    })
    .route('/inquiries', inquiries)
    .get('/events', (c) => {
      const { rep } = c.var;
      const scope = scopeOf(rep);
      const token = getCookie(c, SESSION_COOKIE);
      return liveEvents(
        c,
        events,
        (e): InboxEvent | null =>
          e.siteId === scope.siteId && (scope.repId === undefined || e.repId === scope.repId)
            ? { type: e.type, inquiryId: e.inquiryId }
            : null,
        {
          // Signed out, deactivated or given another role (another scope) since it connected.
          stillAllowed: async () => {
            const now = await sessionRep(store, token, clock());
            return now?.id === rep.id && now.role === rep.role;
          },
          heartbeatMs: deps.liveHeartbeatMs,
        },
      );
    });
}
