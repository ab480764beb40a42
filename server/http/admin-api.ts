import { Hono, type MiddlewareHandler } from 'hono';
import {
  RepInput,
  RulesInput,
  SiteSettingsInput,
  TeamInput,
  VisitorQuery,
  WebhookInput,
} from '../../contract';
import {
  adminReps,
  adminRules,
  adminSite,
  adminTeams,
  createRep,
  deleteTeam,
  replaceRules,
  saveTeam,
  updateRep,
  updateSite,
  type AdminDeps,
} from '../domain/admin';
import { DomainError } from '../domain/errors';
import { deleteVisitor, visitorExport } from '../domain/privacy';
import { siteReplyStats } from '../domain/reply-stats';
import {
  adminWebhooks,
  createWebhook,
  deleteWebhook,
  rotateWebhookSecret,
  sendTestEvent,
  updateWebhook,
  type WebhookAdminDeps,
} from '../domain/webhooks-admin';
import { requireRep, sameOrigin, type InboxEnv } from './inbox-auth';
import { jsonBody, requireJson, validated } from './json-body';

export type AdminApiDeps = AdminDeps & WebhookAdminDeps & { publicUrl: string };

/** Refuses everyone but the site's admins (after requireRep). */
const requireAdmin: MiddlewareHandler<InboxEnv> = async function requireAdmin(c, next) {
  if (c.var.rep.role !== 'admin') {
    throw new DomainError('FORBIDDEN', 'Only admins can manage the site.');
  }
  await next();
};

/**
 * The admin section's API, under /api/inbox/admin: the admin's own site, its reps, teams, rules,
 * reply times and webhooks. Signed-in admins only; others get 403 FORBIDDEN. Mounted before /api/inbox,
 * so it brings its own sameOrigin and requireRep.
 */
export function adminApi(deps: AdminApiDeps) {
  const { store, clock, publicUrl } = deps;
  const siteOf = (c: { var: { rep: { siteId: string } } }) => c.var.rep.siteId;

  return (
    new Hono<InboxEnv>()
      .use('*', sameOrigin({ publicUrl }))
      .use('*', requireRep({ store, clock, publicUrl }))
      .use('*', requireAdmin)
      .get('/site', async (c) => c.json(await adminSite(deps, siteOf(c))))
      .put('/site', requireJson, jsonBody(SiteSettingsInput), async (c) =>
        c.json(await updateSite(deps, siteOf(c), c.req.valid('json'))),
      )
      .get('/reps', async (c) => c.json(await adminReps(deps, siteOf(c))))
      .post('/reps', requireJson, jsonBody(RepInput), async (c) =>
        c.json(await createRep(deps, siteOf(c), c.req.valid('json')), 201),
      )
      .put('/reps/:id', requireJson, jsonBody(RepInput), async (c) =>
        c.json(await updateRep(deps, c.var.rep, c.req.param('id'), c.req.valid('json'))),
      )
      .get('/teams', async (c) => c.json(await adminTeams(deps, siteOf(c))))
      .post('/teams', requireJson, jsonBody(TeamInput), async (c) =>
        c.json(await saveTeam(deps, siteOf(c), null, c.req.valid('json')), 201),
      )
      .put('/teams/:id', requireJson, jsonBody(TeamInput), async (c) =>
        c.json(await saveTeam(deps, siteOf(c), c.req.param('id'), c.req.valid('json'))),
      )
      .delete('/teams/:id', async (c) => {
        await deleteTeam(deps, siteOf(c), c.req.param('id'));
        return c.body(null, 204);
      })
      .get('/rules', async (c) => c.json(await adminRules(deps, siteOf(c))))
      .put('/rules', requireJson, jsonBody(RulesInput), async (c) =>
        c.json(await replaceRules(deps, siteOf(c), c.req.valid('json').rules)),
      )
      .get('/stats', async (c) => c.json(await siteReplyStats(deps, siteOf(c))))
      // Everything about one visitor email: to hand over (a download) or to erase.
      .get('/visitor', validated('query', VisitorQuery), async (c) => {
        const site = await store.findSite(siteOf(c));
        if (!site) throw new DomainError('NOT_FOUND', 'No such site.');
        const { email } = c.req.valid('query');
        c.header('Content-Disposition', `attachment; filename="liaison-${site.key}-visitor.json"`);
        c.header('Content-Type', 'application/json; charset=utf-8');
        // Streamed, an inquiry and then a file at a time: files may come to hundreds of MB.
        const pieces = visitorExport(store, site, email, clock());
        const encoder = new TextEncoder();
        return c.body(
          new ReadableStream<Uint8Array>({
            async pull(controller) {
              const next = await pieces.next();
              if (next.done) controller.close();
              else controller.enqueue(encoder.encode(next.value));
            },
            async cancel() {
              await pieces.return(undefined);
            },
          }),
        );
      })
      .delete('/visitor', validated('query', VisitorQuery), async (c) =>
        c.json({ deleted: await deleteVisitor(store, siteOf(c), c.req.valid('query').email) }),
      )
      .get('/webhooks', async (c) => c.json(await adminWebhooks(deps, siteOf(c))))
      .post('/webhooks', requireJson, jsonBody(WebhookInput), async (c) =>
        c.json(await createWebhook(deps, siteOf(c), c.req.valid('json')), 201),
      )
      .put('/webhooks/:id', requireJson, jsonBody(WebhookInput), async (c) =>
        c.json(await updateWebhook(deps, siteOf(c), c.req.param('id'), c.req.valid('json'))),
      )
      .delete('/webhooks/:id', async (c) => {
        await deleteWebhook(deps, siteOf(c), c.req.param('id'));
        return c.body(null, 204);
      })
      .post('/webhooks/:id/secret', async (c) =>
        c.json(await rotateWebhookSecret(deps, siteOf(c), c.req.param('id'))),
      )
      .post('/webhooks/:id/test', async (c) =>
        c.json(await sendTestEvent(deps, siteOf(c), c.req.param('id')), 202),
      )
  );
}
