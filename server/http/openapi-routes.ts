import * as z from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import {
  type ErrorCode,
  InquiryInput,
  InquiryListQuery,
  InquiryUpdate,
  LinkRequest,
  LinkSignIn,
  MessageInput,
  PasswordSignIn,
  RepInput,
  ReplyInput,
  RulesInput,
  SiteSettingsInput,
  TeamInput,
  VisitorQuery,
  WidgetConfigQuery,
} from '../../contract';
import * as R from './openapi-responses';

// Every /api route the app registers, as the OpenAPI document describes it. The routes are in
// public-api.ts, conversation-api.ts, inbox-api.ts and admin-api.ts and validate with the same
// contract schemas named here; tests/integration/openapi.test.ts fails when a route is missing
// here or listed here but not registered.

/** Named schemas: they become `components.schemas`, and operations refer to them by name. */
export const SCHEMAS = {
  ErrorBody: R.ErrorBodySchema,
  InquiryInput,
  MessageInput,
  PasswordSignIn,
  LinkRequest,
  LinkSignIn,
  ReplyInput,
  InquiryUpdate,
  SiteSettingsInput,
  RepInput,
  TeamInput,
  RulesInput,
  WidgetConfig: R.WidgetConfigSchema,
  ProofOfWorkChallenge: R.ProofOfWorkChallengeSchema,
  InquiryCreated: R.InquiryCreatedSchema,
  Conversation: R.ConversationSchema,
  MessageCreated: R.MessageCreatedSchema,
  Me: R.MeSchema,
  InquiryPage: R.InquiryPageSchema,
  InquiryDetail: R.InquiryDetailSchema,
  InboxMessage: R.InboxMessageSchema,
  RepOptions: R.RepOptionsSchema,
  InboxEvent: R.InboxEventSchema,
  AdminSite: R.AdminSiteSchema,
  AdminRep: R.AdminRepSchema,
  AdminReps: z.array(R.AdminRepSchema),
  AdminTeam: R.AdminTeamSchema,
  AdminTeams: z.array(R.AdminTeamSchema),
  AdminRules: z.array(R.AdminRuleSchema),
  AdminStats: R.AdminStatsSchema,
  VisitorExport: R.VisitorExportSchema,
  Deleted: R.DeletedSchema,
} satisfies Record<string, $ZodType>;

export type SchemaName = keyof typeof SCHEMAS;

export interface ApiOperation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI form: `{param}`. */
  path: string;
  summary: string;
  tag: 'widget' | 'conversation' | 'inbox' | 'admin' | 'meta';
  /** `session`: the inbox's cookie; `admin`: the cookie of a site admin. */
  auth: 'none' | 'session' | 'admin';
  /** A strict object schema: each property becomes a query parameter. */
  query?: $ZodType;
  body?: SchemaName;
  /** Request headers the route reads. */
  headers?: Array<{ name: string; description: string }>;
  ok: {
    status: 200 | 201 | 202 | 204;
    description: string;
    /** JSON unless `events`: then the schema of each server-sent event's `data`. */
    schema?: SchemaName;
    events?: true;
  };
  /** What it can answer with besides `ok`; every operation may also answer INTERNAL. */
  errors: ErrorCode[];
}

const JSON_BODY: ErrorCode[] = [
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
];
const SITE: ErrorCode[] = ['SITE_NOT_FOUND', 'ORIGIN_NOT_ALLOWED'];
const THREAD: ErrorCode[] = ['CONVERSATION_NOT_FOUND', 'ORIGIN_NOT_ALLOWED'];
// FORBIDDEN: a state change from another origin; for admin routes also a rep who is no admin.
const SESSION: ErrorCode[] = ['UNAUTHENTICATED', 'FORBIDDEN'];
const IDEMPOTENCY_KEY = {
  name: 'Idempotency-Key',
  description:
    'One key per submission, kept for every retry: a repeat gets the first answer and stores nothing.',
};

const site = '/api/v1/sites/{siteKey}';
const thread = '/api/v1/conversations/{token}';
const inbox = '/api/inbox';
const admin = '/api/inbox/admin';

export const API_OPERATIONS: ApiOperation[] = [
  // The widget's API (public-api.ts).
  {
    method: 'get',
    path: `${site}/widget-config`,
    summary: 'The site and the rep card a page would show (ETag; cacheable for a minute).',
    tag: 'widget',
    auth: 'none',
    query: WidgetConfigQuery,
    headers: [{ name: 'If-None-Match', description: 'An earlier ETag: 304 when unchanged.' }],
    ok: { status: 200, description: 'The widget config.', schema: 'WidgetConfig' },
    errors: [...SITE, 'VALIDATION_FAILED'],
  },
  {
    method: 'get',
    path: `${site}/challenge`,
    summary: 'Whether an inquiry needs a proof-of-work now, and the challenge (ALTCHA v1).',
    tag: 'widget',
    auth: 'none',
    ok: { status: 200, description: 'The challenge.', schema: 'ProofOfWorkChallenge' },
    errors: SITE,
  },
  {
    method: 'post',
    path: `${site}/inquiries`,
    summary: 'Sends an inquiry; stored, then mailed to the rep by the outbox.',
    tag: 'widget',
    auth: 'none',
    body: 'InquiryInput',
    headers: [IDEMPOTENCY_KEY],
    ok: { status: 201, description: 'Stored.', schema: 'InquiryCreated' },
    errors: [
      ...SITE,
      ...JSON_BODY,
      'TOO_MANY_ATTEMPTS',
      'PROOF_OF_WORK_REQUIRED',
      'IDEMPOTENCY_KEY_REUSED',
    ],
  },
  // The visitor's conversation (conversation-api.ts); the token is a capability.
  {
    method: 'get',
    path: thread,
    summary: "The visitor's thread.",
    tag: 'conversation',
    auth: 'none',
    ok: { status: 200, description: 'The thread.', schema: 'Conversation' },
    errors: THREAD,
  },
  {
    method: 'post',
    path: `${thread}/messages`,
    summary: "A visitor's follow-up.",
    tag: 'conversation',
    auth: 'none',
    body: 'MessageInput',
    headers: [IDEMPOTENCY_KEY],
    ok: { status: 201, description: 'Stored.', schema: 'MessageCreated' },
    errors: [...THREAD, ...JSON_BODY, 'IDEMPOTENCY_KEY_REUSED'],
  },
  {
    method: 'get',
    path: `${thread}/events`,
    summary: 'Server-sent events: `{ "type": "message" }` when the thread has a new message.',
    tag: 'conversation',
    auth: 'none',
    ok: { status: 200, description: 'An event stream.', events: true },
    errors: THREAD,
  },
  // Signing in to the inbox (inbox-api.ts, /auth).
  {
    method: 'post',
    path: `${inbox}/auth/password`,
    summary: 'Signs in with a password; sets the session cookie.',
    tag: 'inbox',
    auth: 'none',
    body: 'PasswordSignIn',
    ok: { status: 200, description: 'Signed in.', schema: 'Me' },
    errors: [...JSON_BODY, 'FORBIDDEN', 'INVALID_CREDENTIALS', 'TOO_MANY_ATTEMPTS'],
  },
  {
    method: 'post',
    path: `${inbox}/auth/link`,
    summary: 'Mails a one-time sign-in link (always 202: no account enumeration).',
    tag: 'inbox',
    auth: 'none',
    body: 'LinkRequest',
    ok: { status: 202, description: 'Mailed, if the address is a rep.' },
    errors: [...JSON_BODY, 'FORBIDDEN'],
  },
  {
    method: 'post',
    path: `${inbox}/auth/link/sign-in`,
    summary: "Exchanges a sign-in link's token for a session cookie.",
    tag: 'inbox',
    auth: 'none',
    body: 'LinkSignIn',
    ok: { status: 200, description: 'Signed in.', schema: 'Me' },
    errors: [...JSON_BODY, 'FORBIDDEN', 'INVALID_CREDENTIALS'],
  },
  {
    method: 'post',
    path: `${inbox}/auth/sign-out`,
    summary: 'Ends the session.',
    tag: 'inbox',
    auth: 'none',
    ok: { status: 204, description: 'Signed out.' },
    errors: ['FORBIDDEN'],
  },
  // The inbox (inbox-api.ts).
  {
    method: 'get',
    path: `${inbox}/me`,
    summary: 'Who is signed in.',
    tag: 'inbox',
    auth: 'session',
    ok: { status: 200, description: 'The rep.', schema: 'Me' },
    errors: SESSION,
  },
  {
    method: 'get',
    path: `${inbox}/reps`,
    summary: "The site's reps, for reassignment.",
    tag: 'inbox',
    auth: 'session',
    ok: { status: 200, description: 'The reps.', schema: 'RepOptions' },
    errors: SESSION,
  },
  {
    method: 'get',
    path: `${inbox}/inquiries`,
    summary: "The rep's inquiries (an admin's: the site's), awaiting a reply first.",
    tag: 'inbox',
    auth: 'session',
    query: InquiryListQuery,
    ok: { status: 200, description: 'One page.', schema: 'InquiryPage' },
    errors: [...SESSION, 'VALIDATION_FAILED'],
  },
  {
    method: 'get',
    path: `${inbox}/inquiries/{id}`,
    summary: 'One inquiry with its whole thread.',
    tag: 'inbox',
    auth: 'session',
    ok: { status: 200, description: 'The inquiry.', schema: 'InquiryDetail' },
    errors: [...SESSION, 'NOT_FOUND'],
  },
  {
    method: 'patch',
    path: `${inbox}/inquiries/{id}`,
    summary: 'Changes the status, or (admins) the assigned rep.',
    tag: 'inbox',
    auth: 'session',
    body: 'InquiryUpdate',
    ok: { status: 200, description: 'The inquiry as it is now.', schema: 'InquiryDetail' },
    errors: [...SESSION, ...JSON_BODY, 'NOT_FOUND'],
  },
  {
    method: 'post',
    path: `${inbox}/inquiries/{id}/read`,
    summary: 'Marks the inquiry read.',
    tag: 'inbox',
    auth: 'session',
    ok: { status: 204, description: 'Marked.' },
    errors: [...SESSION, 'NOT_FOUND'],
  },
  {
    method: 'post',
    path: `${inbox}/inquiries/{id}/messages`,
    summary: 'A reply (mailed to the visitor) or an internal note.',
    tag: 'inbox',
    auth: 'session',
    body: 'ReplyInput',
    ok: { status: 201, description: 'Stored.', schema: 'InboxMessage' },
    errors: [...SESSION, ...JSON_BODY, 'NOT_FOUND'],
  },
  {
    method: 'get',
    path: `${inbox}/events`,
    summary: "Server-sent events for the rep's scope: reload what an event names.",
    tag: 'inbox',
    auth: 'session',
    ok: { status: 200, description: 'An event stream.', schema: 'InboxEvent', events: true },
    errors: SESSION,
  },
  // The admin section (admin-api.ts).
  ...adminOperations(),
  {
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This document.',
    tag: 'meta',
    auth: 'none',
    ok: { status: 200, description: 'OpenAPI 3.1.' },
    errors: [],
  },
];

function adminOperations(): ApiOperation[] {
  const op = (
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
  ];
}
