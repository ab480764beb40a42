import { existsSync, readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { photoHref } from './domain/photo-url';
import {
  DINGTALK_SECRET,
  RepProfileInput,
  ROLES,
  RuleMatch,
  SiteSettingsInput,
  TeamInput,
  type WebhookFormat,
  WebhookInput,
} from '../contract';
import { RULES_MAX, TEAM_MEMBERS_MAX } from '../contract/limits';

// liaison.config.json: sites, reps, teams, rules and webhooks declared in a file kept in git,
// applied at start-up (server/domain/apply-config.ts). The same shapes as the admin API, except
// that reps are named by email, teams by name and webhooks by URL instead of by id.

const Email = z.pipe(z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254)), z.email());

const FileRep = z.strictObject({
  email: Email,
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  title: z.optional(z.nullable(z.string().check(z.maxLength(200)))),
  role: z.optional(z.enum(ROLES)),
  handle: z.optional(z.string().check(z.regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/))),
  photoUrl: z.optional(
    z.nullable(
      z.string().check(
        z.maxLength(2000),
        // Empty: no photo, as before.
        z.refine((url) => url === '' || photoHref(url, 'http://liaison.invalid') !== null, {
          error: 'an http(s) URL, or a path on this server such as /photos/moore.jpg',
        }),
      ),
    ),
  ),
  active: z.optional(z.boolean()),
  ...z.partial(RepProfileInput).shape,
});

const FileTeam = z.strictObject({
  name: TeamInput.shape.name,
  distribution: z.optional(TeamInput.shape.distribution),
  /** Members by email, in round-robin order. */
  members: z.array(Email).check(z.maxLength(TEAM_MEMBERS_MAX)),
});

const FileRule = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  match: RuleMatch,
  to: z.union([
    z.strictObject({ rep: Email }),
    z.strictObject({ team: z.string().check(z.minLength(1)) }),
  ]),
});

/**
 * A webhook, known by its URL. `format` is `standard` when left out, `active` keeps the
 * webhook's switch (on for a new one). `secret`: a DingTalk robot's `SEC...` signing secret
 * (null: unsigned), or a Standard Webhooks `whsec_...` secret of your own; left out, the stored
 * one stays (a new Standard Webhook gets one from Liaison, seen with "New secret").
 */
const FileWebhook = z
  .strictObject({
    url: WebhookInput.shape.url,
    format: z.optional(WebhookInput.shape.format),
    events: WebhookInput.shape.events,
    active: z.optional(z.boolean()),
    secret: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(300)))),
  })
  .check(
    z.superRefine(({ format = 'standard', secret }, ctx) => {
      const problem = secret === undefined ? null : fileSecretProblem(format, secret);
      if (problem)
        ctx.addIssue({ code: 'custom', path: ['secret'], message: problem, input: secret });
    }),
  );

// Standard Webhooks secrets are whsec_ and base64 of 24 to 64 bytes (the spec's range).
// https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md
const WHSEC = /^whsec_((?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?)$/;

function fileSecretProblem(format: WebhookFormat, secret: string | null): string | null {
  if (format === 'dingtalk') {
    return secret === null || DINGTALK_SECRET.test(secret)
      ? null
      : 'a DingTalk signing secret is SEC and the letters and digits after it';
  }
  if (format === 'standard') {
    const base64 = secret === null ? undefined : WHSEC.exec(secret)?.[1];
    const bytes = base64 === undefined ? 0 : Buffer.from(base64, 'base64').length;
    return bytes >= 24 && bytes <= 64
      ? null
      : 'must be whsec_ and the base64 of 24 to 64 random bytes, or left out for one made by Liaison';
  }
  return `a ${format} webhook takes no secret (its address is its secret)`;
}

const FileSite = z.strictObject({
  key: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,62}$/)),
  name: SiteSettingsInput.shape.name,
  allowedOrigins: z.optional(SiteSettingsInput.shape.allowedOrigins),
  themeColor: z.optional(SiteSettingsInput.shape.themeColor),
  defaultLanguage: z.optional(SiteSettingsInput.shape.defaultLanguage),
  replyPromiseHours: z.optional(SiteSettingsInput.shape.replyPromiseHours),
  escalationReassign: z.optional(z.boolean()),
  retentionDays: SiteSettingsInput.shape.retentionDays,
  proofOfWork: SiteSettingsInput.shape.proofOfWork,
  /** By email, or a team by name; not both. */
  defaultRep: z.optional(Email),
  defaultTeam: z.optional(z.string()),
  reps: z.optional(z.array(FileRep)),
  teams: z.optional(z.array(FileTeam)),
  // As many as the admin page can save back.
  rules: z.optional(z.array(FileRule).check(z.maxLength(RULES_MAX))),
  webhooks: z.optional(z.array(FileWebhook)),
});

export const ConfigFile = z.strictObject({ sites: z.array(FileSite) });
export type ConfigFile = z.infer<typeof ConfigFile>;
export type FileSite = z.infer<typeof FileSite>;
export type FileWebhook = z.infer<typeof FileWebhook>;

/** A configuration file that cannot be used; the message names the file and the bad entry. */
export class ConfigFileError extends Error {
  override name = 'ConfigFileError';
}

/** `sites[0].reps[2].email` from a zod path. */
export const entryPath = (path: ReadonlyArray<PropertyKey>): string =>
  path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`))
    .join('');

/** Reads and validates the file at `path`; null when there is none. */
export function readConfigFile(path: string): ConfigFile | null {
  if (!existsSync(path)) return null;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    if (err instanceof SyntaxError)
      throw new ConfigFileError(`${path}: not valid JSON: ${err.message}`);
    // Permissions (a file kept private to another user), a directory: say which file.
    throw new ConfigFileError(
      `${path}: cannot be read: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const parsed = ConfigFile.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues
      .slice(0, 10)
      .map((i) => `  ${entryPath(i.path)}: ${issueText(i)}`);
    throw new ConfigFileError(`${path} has errors:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

function issueText(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field(s) ${issue.keys.join(', ')}`;
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'required';
  return issue.message === 'Invalid input' ? `invalid (${issue.code})` : issue.message;
}
