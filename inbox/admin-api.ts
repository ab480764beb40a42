import type {
  AdminRep,
  AdminRule,
  AdminSite,
  AdminStats,
  AdminTeam,
  RepInput,
  RuleInput,
  SiteSettingsInput,
  TeamInput,
  AdminWebhook,
  AdminWebhookSecret,
  WebhookInput,
} from '../contract/admin';
import type { ApiResult } from './api-error';
import { createCall } from './api-call';
import {
  listReader,
  readAdminRep,
  readAdminRule,
  readAdminSite,
  readAdminStats,
  readAdminTeam,
} from './admin-responses';
import { readAdminWebhook, readTestQueued, readWebhookSecret } from './admin-webhook-responses';

/** Where the admin API is; `fetch` is replaceable in tests. */
export interface AdminApiOptions {
  base?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Called when any call answers 401 UNAUTHENTICATED: the session is gone. */
  onUnauthenticated?: () => void;
}

/** Every call of the admin section; each resolves to a result value and never throws. */
export interface AdminApi {
  site(): Promise<ApiResult<AdminSite>>;
  saveSite(input: SiteSettingsInput): Promise<ApiResult<AdminSite>>;
  reps(): Promise<ApiResult<AdminRep[]>>;
  createRep(input: RepInput): Promise<ApiResult<AdminRep>>;
  updateRep(id: string, input: RepInput): Promise<ApiResult<AdminRep>>;
  teams(): Promise<ApiResult<AdminTeam[]>>;
  createTeam(input: TeamInput): Promise<ApiResult<AdminTeam>>;
  updateTeam(id: string, input: TeamInput): Promise<ApiResult<AdminTeam>>;
  deleteTeam(id: string): Promise<ApiResult<true>>;
  rules(): Promise<ApiResult<AdminRule[]>>;
  saveRules(rules: RuleInput[]): Promise<ApiResult<AdminRule[]>>;
  stats(): Promise<ApiResult<AdminStats>>;
  /** Everything stored about one visitor email, as the JSON to hand over. */
  exportVisitor(email: string): Promise<ApiResult<string>>;
  deleteVisitor(email: string): Promise<ApiResult<number>>;
  webhooks(): Promise<ApiResult<AdminWebhook[]>>;
  /** The new webhook and its secret, shown this once. */
  createWebhook(input: WebhookInput): Promise<ApiResult<AdminWebhookSecret>>;
  updateWebhook(id: string, input: WebhookInput): Promise<ApiResult<AdminWebhook>>;
  deleteWebhook(id: string): Promise<ApiResult<true>>;
  rotateWebhookSecret(id: string): Promise<ApiResult<AdminWebhookSecret>>;
  /** Queues a test event; resolves to its delivery id (the webhook-id header). */
  testWebhook(id: string): Promise<ApiResult<string>>;
}

/** Creates the admin section's client for the API on the inbox's own origin. */
export const createAdminApi = ({
  base = '/api/inbox/admin',
  fetch: send = (input, init) => fetch(input, init),
  timeoutMs = 20_000,
  onUnauthenticated = () => {},
}: AdminApiOptions = {}): AdminApi => {
  const call = createCall({ base, fetch: send, timeoutMs, onUnauthenticated });

  const id = (value: string) => encodeURIComponent(value);
  return {
    site: () => call('GET', '/site', readAdminSite),
    saveSite: (input) => call('PUT', '/site', readAdminSite, input),
    reps: () => call('GET', '/reps', listReader(readAdminRep)),
    createRep: (input) => call('POST', '/reps', readAdminRep, input),
    updateRep: (repId, input) => call('PUT', `/reps/${id(repId)}`, readAdminRep, input),
    teams: () => call('GET', '/teams', listReader(readAdminTeam)),
    createTeam: (input) => call('POST', '/teams', readAdminTeam, input),
    updateTeam: (teamId, input) => call('PUT', `/teams/${id(teamId)}`, readAdminTeam, input),
    deleteTeam: (teamId) => call('DELETE', `/teams/${id(teamId)}`, () => true),
    rules: () => call('GET', '/rules', listReader(readAdminRule)),
    saveRules: (rules) => call('PUT', '/rules', listReader(readAdminRule), { rules }),
    stats: () => call('GET', '/stats', readAdminStats),
    // Handed over as received: the export is the visitor's, not something the page reads.
    exportVisitor: (email) =>
      call('GET', `/visitor?email=${id(email)}`, (body) =>
        typeof body === 'object' && body !== null ? JSON.stringify(body, null, 2) : null,
      ),
    deleteVisitor: (email) =>
      call('DELETE', `/visitor?email=${id(email)}`, (body) =>
        typeof body === 'object' &&
        body !== null &&
        typeof Reflect.get(body, 'deleted') === 'number'
          ? Number(Reflect.get(body, 'deleted'))
          : null,
      ),
    webhooks: () => call('GET', '/webhooks', listReader(readAdminWebhook)),
    createWebhook: (input) => call('POST', '/webhooks', readWebhookSecret, input),
    updateWebhook: (hookId, input) =>
      call('PUT', `/webhooks/${id(hookId)}`, readAdminWebhook, input),
    deleteWebhook: (hookId) => call('DELETE', `/webhooks/${id(hookId)}`, () => true),
    rotateWebhookSecret: (hookId) =>
      call('POST', `/webhooks/${id(hookId)}/secret`, readWebhookSecret),
    testWebhook: (hookId) => call('POST', `/webhooks/${id(hookId)}/test`, readTestQueued),
  };
};
