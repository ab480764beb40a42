import * as z from 'zod/mini';
import { ROLES, type Role } from './inbox';
import { PROOF_OF_WORK, type ProofOfWork } from './inquiry';
import { RULES_MAX, TEAM_MEMBERS_MAX } from './limits';
import { DISTRIBUTIONS, notNA, RuleMatch, WeeklyHours, type Distribution } from './routing';

// The admin section of the inbox: `/api/inbox/admin/*`, for admins of one site only. Shapes
// are checked here; references between them (a rule's team, a team's members) by the server.

const Id = z.string().check(z.minLength(1), z.maxLength(100));

/**
 * An allowed origin as server/domain/origins.ts matches it: scheme and host, an optional port
 * or `:*` for any, and an optional `*.` before the host for any subdomain. Never `*` alone.
 */
export const ORIGIN_PATTERN =
  /^https?:\/\/(?:\*\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*(?::(?:\d{1,5}|\*))?$/i;

/** A language tag such as "en", "es-MX" or "zh-Hans-CN" (BCP 47, the common subset). */
export const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

/** "#rrggbb". */
export const COLOUR = /^#[0-9a-f]{6}$/i;

/** A phone number in international form: "+" and 7 to 15 digits, e.g. "+8613800000000". */
export const E164 = /^\+[1-9]\d{6,14}$/;

/** A rep's handle, as the embed's data-rep names them: lower-case letters, digits, hyphens. */
export const HANDLE = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

const OriginPattern = z.string().check(
  z.trim(),
  z.maxLength(300),
  z.regex(ORIGIN_PATTERN, {
    error:
      'Must be an origin such as https://example.com, https://*.example.com or http://localhost:*.',
  }),
);

const LanguageTag = z
  .string()
  .check(
    z.trim(),
    z.regex(LANGUAGE_TAG, { error: 'Must be a language tag such as "en" or "es-MX".' }),
  );

/** `PUT /api/inbox/admin/site`: everything an admin may change of their site. */
export const SiteSettingsInput = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  allowedOrigins: z.array(OriginPattern).check(z.maxLength(50)),
  themeColor: z.nullable(
    z.string().check(z.regex(COLOUR, { error: 'Must be a colour such as #1d4ed8.' })),
  ),
  defaultLanguage: z.nullable(LanguageTag),
  /** The reply time promised to visitors; unanswered inquiries escalate after it. */
  replyPromiseHours: z.int().check(z.minimum(1), z.maximum(720)),
  /** Whether an escalated inquiry is handed to a teammate, not only reported. */
  escalationReassign: z.boolean(),
  /** Days closed inquiries are kept before they are deleted; null: kept until deleted. */
  retentionDays: z.optional(z.nullable(z.int().check(z.minimum(1), z.maximum(3650)))),
  /** Proof-of-work for new inquiries: 'off', 'on', or 'auto' (only while the site is flooded). */
  proofOfWork: z.optional(z.enum(PROOF_OF_WORK)),
  defaultRepId: z.nullable(Id),
  defaultTeamId: z.nullable(Id),
});
export type SiteSettingsInput = z.infer<typeof SiteSettingsInput>;

/** What routing knows of a rep beyond their account. */
export const RepProfileInput = z.strictObject({
  languages: z.array(LanguageTag).check(z.maxLength(50)),
  countries: z
    .array(z.string().check(z.trim(), z.minLength(2), z.maxLength(60)))
    .check(z.maxLength(300), notNA),
  /** Null: no hours set, always on duty. */
  hours: z.nullable(WeeklyHours),
  away: z.boolean(),
  whatsapp: z.nullable(
    z
      .string()
      .check(z.regex(E164, { error: 'Must be + and 7 to 15 digits, e.g. +8613800000000.' })),
  ),
  /** Null: no cap on open inquiries. */
  maxOpen: z.nullable(z.int().check(z.minimum(1), z.maximum(1000))),
});
export type RepProfileInput = z.infer<typeof RepProfileInput>;

/** `POST /api/inbox/admin/reps` and `PUT .../reps/{id}`: a rep's account and profile. */
export const RepInput = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  title: z.nullable(z.string().check(z.trim(), z.maxLength(200))),
  email: z.pipe(z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254)), z.email()),
  role: z.enum(ROLES),
  handle: z
    .string()
    .check(z.regex(HANDLE, { error: 'Use lower-case letters, digits and hyphens, e.g. ana-wu.' })),
  active: z.boolean(),
  profile: RepProfileInput,
});
export type RepInput = z.infer<typeof RepInput>;

/** `POST /api/inbox/admin/teams` and `PUT .../teams/{id}`; members in round-robin order. */
export const TeamInput = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  distribution: z.enum(DISTRIBUTIONS),
  memberIds: z.array(Id).check(z.maxLength(TEAM_MEMBERS_MAX)),
});
export type TeamInput = z.infer<typeof TeamInput>;

/** Where a rule sends an inquiry, by id (the configuration file names them instead). */
export const RuleTargetInput = z.union([
  z.strictObject({ repId: Id }),
  z.strictObject({ teamId: Id }),
]);
export type RuleTargetInput = z.infer<typeof RuleTargetInput>;

/** One rule; `id` keeps an existing rule's identity, a new one gets an id from the server. */
export const RuleInput = z.strictObject({
  id: z.optional(Id),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  match: RuleMatch,
  target: RuleTargetInput,
});
export type RuleInput = z.infer<typeof RuleInput>;

/** `PUT /api/inbox/admin/rules`: all of the site's rules, in order (the first match decides). */
export const RulesInput = z.strictObject({
  rules: z.array(RuleInput).check(z.maxLength(RULES_MAX)),
});
export type RulesInput = z.infer<typeof RulesInput>;

/** `GET`/`PUT /api/inbox/admin/site`. */
export interface AdminSite {
  retentionDays: number | null;
  proofOfWork: ProofOfWork;
  id: string;
  key: string;
  name: string;
  allowedOrigins: string[];
  themeColor: string | null;
  defaultLanguage: string | null;
  replyPromiseHours: number;
  escalationReassign: boolean;
  defaultRepId: string | null;
  defaultTeamId: string | null;
}

/** One rep as admins see them. */
export interface AdminRep {
  id: string;
  name: string;
  title: string | null;
  email: string;
  role: Role;
  handle: string;
  active: boolean;
  profile: RepProfileInput;
}

/** One team. */
export interface AdminTeam {
  id: string;
  name: string;
  distribution: Distribution;
  memberIds: string[];
}

/** One rule, in the site's order. */
export interface AdminRule {
  id: string;
  name: string;
  match: RuleMatch;
  target: RuleTargetInput;
}

/** A rep's reply times over the stats window. */
export interface RepStats {
  repId: string;
  name: string;
  /** Inquiries the rep has answered. */
  answered: number;
  /** Inquiries assigned to the rep (spam left out). */
  total: number;
  /** Median minutes from inquiry to first reply; null when none is answered. */
  medianFirstReplyMinutes: number | null;
  /**
   * Share (0-1) answered within 24 hours, of those answered or older than 24 hours; null when
   * there is none of either.
   */
  shareWithin24h: number | null;
}

/** `GET /api/inbox/admin/stats`: per rep, the inquiries created since `since`. */
export interface AdminStats {
  since: string;
  reps: RepStats[];
  /** Mail the outbox gave up on after its last attempt, newest first. */
  undelivered: UndeliveredMail[];
}

/** One delivery that failed for good: what it was, for which inquiry, and why. */
export interface UndeliveredMail {
  id: string;
  kind: string;
  inquiryId: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: string;
}

/** `GET /api/inbox/admin/visitor?email=` (export) and `DELETE` (erase): one visitor's data. */
export const VisitorQuery = z.strictObject({
  email: z.pipe(z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254)), z.email()),
});
export type VisitorQuery = z.infer<typeof VisitorQuery>;

/** What a webhook sends: Standard Webhooks JSON (signed), or a chat tool's incoming-webhook text. */
export const WEBHOOK_FORMATS = ['standard', 'slack', 'wecom', 'dingtalk'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** The events a webhook can be sent (the `type` of a Standard Webhooks payload). */
export const WEBHOOK_EVENTS = [
  'inquiry.created',
  'message.created',
  'inquiry.status_changed',
  'inquiry.assigned',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/**
 * A DingTalk custom robot's signing secret (加签): `SEC` and hex or base64 characters, as the
 * robot's security settings show it (`SEC` and 64 hex digits today).
 * https://open.dingtalk.com/document/robots/customize-robot-security-settings
 */
export const DINGTALK_SECRET = /^SEC[A-Za-z0-9+/=]{16,256}$/;

/**
 * `POST /api/inbox/admin/webhooks` and `PUT .../webhooks/{id}`. The URL is checked further by
 * the server: https (http and private addresses only where the server allows them). `secret` is
 * a DingTalk robot's signing secret, for `format: 'dingtalk'` only (Liaison makes the Standard
 * Webhooks one): absent keeps the robot's current one, null removes it (an unsigned robot).
 */
export const WebhookInput = z.strictObject({
  url: z
    .string()
    .check(
      z.trim(),
      z.maxLength(2000),
      z.regex(/^https?:\/\/[^\s/?#]+[^\s]*$/i, { error: 'Must be an https:// address.' }),
    ),
  format: z.enum(WEBHOOK_FORMATS),
  events: z.array(z.enum(WEBHOOK_EVENTS)).check(
    z.minLength(1, { error: 'Choose at least one event.' }),
    z.refine((events) => new Set(events).size === events.length, {
      error: 'Name each event once.',
    }),
  ),
  active: z.boolean(),
  secret: z.optional(
    z.nullable(
      z.string().check(
        z.trim(),
        z.regex(DINGTALK_SECRET, {
          error: 'Must be the robot’s signing secret: SEC and the letters and digits after it.',
        }),
      ),
    ),
  ),
});
export type WebhookInput = z.infer<typeof WebhookInput>;

/** One webhook as admins see it (never its secret, which is shown once: AdminWebhookSecret). */
export interface AdminWebhook {
  id: string;
  url: string;
  format: WebhookFormat;
  events: WebhookEvent[];
  active: boolean;
  /** Its calls are signed: always for `standard`; for `dingtalk` when it has a signing secret. */
  signed: boolean;
  createdAt: string;
}

/** A new webhook, or one whose secret was replaced: the secret, shown this once. */
export interface AdminWebhookSecret {
  webhook: AdminWebhook;
  /**
   * `whsec_` and base64, the Standard Webhooks signing secret (a preset keeps one too, for a
   * switch to `standard`); a signed DingTalk robot's is the one it was given.
   */
  secret: string;
}

/** `POST /api/inbox/admin/webhooks/{id}/test`: the queued delivery (its webhook-id header). */
export interface WebhookTestQueued {
  deliveryId: string;
}
