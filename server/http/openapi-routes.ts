import { InquiryExportQuery, InquiryListQuery, WidgetConfigQuery } from '../../contract';
import { ADMIN_OPERATIONS } from './openapi-admin-routes';
import { type ApiOperation, JSON_BODY, SESSION, SITE, THREAD } from './openapi-operation';

// Every /api route the app registers, as the OpenAPI document describes it. The routes are in
// public-api.ts, conversation-api.ts, inbox-api.ts and admin-api.ts (openapi-admin-routes.ts)
// and validate with the same contract schemas (openapi-schemas.ts names them);
// tests/integration/openapi.test.ts fails when a route is missing here or listed but not there.

export type { ApiOperation } from './openapi-operation';

const IDEMPOTENCY_KEY = {
  name: 'Idempotency-Key',
  description:
    'One key per submission, kept for every retry: a repeat gets the first answer and stores nothing.',
};

const site = '/api/v1/sites/{siteKey}';
const thread = '/api/v1/conversations/{token}';
const inbox = '/api/inbox';

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
  {
    method: 'post',
    path: `${site}/attachments`,
    summary:
      'Uploads one file of a coming inquiry (up to 5 MB; images, PDF, Word, Excel, checked by content); name its id in the inquiry.',
    tag: 'widget',
    auth: 'none',
    fileBody: ['application/octet-stream', 'application/pdf', 'image/png', 'image/jpeg'],
    headers: [{ name: 'X-Filename', description: "The file's name, URI-encoded." }],
    ok: {
      status: 201,
      description: 'Kept until an inquiry claims it.',
      schema: 'AttachmentCreated',
    },
    errors: [...SITE, 'UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE', 'TOO_MANY_ATTEMPTS'],
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
    // The conversation's follow-ups a minute (RATE_LIMIT_MESSAGES_PER_MINUTE), with Retry-After.
    errors: [...THREAD, ...JSON_BODY, 'IDEMPOTENCY_KEY_REUSED', 'TOO_MANY_ATTEMPTS'],
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
    method: 'get',
    path: `${inbox}/inquiries/export.csv`,
    summary:
      'Every inquiry the rep may see (an admin: the whole site), filtered as the list is, as CSV (UTF-8 with a byte-order mark).',
    tag: 'inbox',
    auth: 'session',
    query: InquiryExportQuery,
    ok: { status: 200, description: 'The CSV file.', file: 'text/csv' },
    errors: [...SESSION, 'VALIDATION_FAILED'],
  },
  {
    method: 'get',
    path: `${inbox}/inquiries/{id}/attachments/{attachmentId}`,
    summary: "A visitor's file of the inquiry, as a download.",
    tag: 'inbox',
    auth: 'session',
    ok: { status: 200, description: 'The file.', file: 'application/octet-stream' },
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
    headers: [IDEMPOTENCY_KEY],
    ok: { status: 201, description: 'Stored.', schema: 'InboxMessage' },
    errors: [...SESSION, ...JSON_BODY, 'NOT_FOUND', 'IDEMPOTENCY_KEY_REUSED'],
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
  ...ADMIN_OPERATIONS,
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
