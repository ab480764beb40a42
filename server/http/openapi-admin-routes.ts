import { VisitorQuery } from '../../contract';
import { type ApiOperation, JSON_BODY, SESSION } from './openapi-operation';

// The admin section's routes (admin-api.ts), for the OpenAPI document: see openapi-routes.ts.

const admin = '/api/inbox/admin';

type AdminOp = (
  method: ApiOperation['method'],
  path: string,
  summary: string,
  ok: ApiOperation['ok'],
  more?: Partial<ApiOperation>,
) => ApiOperation;

function adminOperations(): ApiOperation[] {
  const op: AdminOp = (
    method: ApiOperation['method'],
    path: string,
    summary: string,
    ok: ApiOperation['ok'],
    more: Partial<ApiOperation> = {},
  ): ApiOperation => ({
    method,
    path: `${admin}${path}`,
    summary,
    tag: 'admin',
    auth: 'admin',
    ok,
    ...more,
    errors: [...SESSION, ...(more.body ? JSON_BODY : []), ...(more.errors ?? [])],
  });
  const site: ApiOperation['ok'] = { status: 200, description: 'The site.', schema: 'AdminSite' };
  const rep: ApiOperation['ok'] = { status: 200, description: 'The rep.', schema: 'AdminRep' };
  const team: ApiOperation['ok'] = { status: 200, description: 'The team.', schema: 'AdminTeam' };
  const rules: ApiOperation['ok'] = {
    status: 200,
    description: 'The rules.',
    schema: 'AdminRules',
  };
  return [
    op('get', '/site', "The admin's site.", site),
    op('put', '/site', 'Changes the site.', site, { body: 'SiteSettingsInput' }),
    op('get', '/reps', "The site's reps.", { ...rep, schema: 'AdminReps' }),
    op('post', '/reps', 'Adds a rep.', { ...rep, status: 201 }, { body: 'RepInput' }),
    op('put', '/reps/{id}', 'Changes a rep.', rep, { body: 'RepInput', errors: ['NOT_FOUND'] }),
    op('get', '/teams', "The site's teams.", { ...team, schema: 'AdminTeams' }),
    op('post', '/teams', 'Adds a team.', { ...team, status: 201 }, { body: 'TeamInput' }),
    op('put', '/teams/{id}', 'Changes a team.', team, { body: 'TeamInput', errors: ['NOT_FOUND'] }),
    op(
      'delete',
      '/teams/{id}',
      'Deletes a team.',
      { status: 204, description: 'Deleted.' },
      {
        errors: ['NOT_FOUND'],
      },
    ),
    op('get', '/rules', "The site's rules, in order.", rules),
    op('put', '/rules', 'Replaces all rules (the first match decides).', rules, {
      body: 'RulesInput',
    }),
    op('get', '/stats', "Each rep's reply times; mail given up on.", {
      status: 200,
      description: 'The figures.',
      schema: 'AdminStats',
    }),
    op(
      'get',
      '/visitor',
      'Everything about one visitor email, as a download.',
      { status: 200, description: 'The export.', schema: 'VisitorExport' },
      { query: VisitorQuery, errors: ['VALIDATION_FAILED'] },
    ),
    op(
      'delete',
      '/visitor',
      'Deletes everything about one visitor email.',
      { status: 200, description: 'How many inquiries were deleted.', schema: 'Deleted' },
      { query: VisitorQuery, errors: ['VALIDATION_FAILED'] },
    ),
    ...webhookOperations(op),
  ];
}

// The webhooks' routes (the events they send: README, "Webhooks").
function webhookOperations(op: AdminOp): ApiOperation[] {
  const hook: ApiOperation['ok'] = {
    status: 200,
    description: 'The webhook.',
    schema: 'AdminWebhook',
  };
  const secret: ApiOperation['ok'] = {
    status: 200,
    description: 'The webhook and its signing secret, shown this once.',
    schema: 'AdminWebhookSecret',
  };
  const NOT_FOUND: Partial<ApiOperation> = { errors: ['NOT_FOUND'] };
  return [
    op('get', '/webhooks', "The site's webhooks.", { ...hook, schema: 'AdminWebhooks' }),
    op(
      'post',
      '/webhooks',
      'Adds a webhook with a new secret.',
      { ...secret, status: 201 },
      {
        body: 'WebhookInput',
      },
    ),
    op('put', '/webhooks/{id}', 'Changes a webhook.', hook, { body: 'WebhookInput', ...NOT_FOUND }),
    op(
      'delete',
      '/webhooks/{id}',
      'Deletes a webhook.',
      { status: 204, description: 'Deleted.' },
      NOT_FOUND,
    ),
    op('post', '/webhooks/{id}/secret', "Replaces a Standard Webhooks webhook's secret.", secret, {
      errors: ['NOT_FOUND', 'VALIDATION_FAILED'],
    }),
    op(
      'post',
      '/webhooks/{id}/test',
      'Queues a webhook.test event to the webhook.',
      {
        status: 202,
        description: 'Queued; the id is its webhook-id.',
        schema: 'WebhookTestQueued',
      },
      NOT_FOUND,
    ),
  ];
}

/** Every route of admin-api.ts. */
export const ADMIN_OPERATIONS: ApiOperation[] = adminOperations();
