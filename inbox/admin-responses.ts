import type {
  AdminRep,
  AdminRule,
  AdminSite,
  AdminStats,
  UndeliveredMail,
  AdminTeam,
  RepStats,
  RuleTargetInput,
} from '../contract/admin';
import { ROLES } from '../contract/inbox';
import { PROOF_OF_WORK } from '../contract/inquiry';
import { DISTRIBUTIONS, RuleMatch, WeeklyHours } from '../contract/routing';
import { isRecord, listOf, numberOrNull, oneOf, stringOrNull } from './read-values';

// Readers of the admin API's answers: each returns null when a value the views need is missing.

const strings = (value: unknown): string[] =>
  (listOf(value, stringOrNull) ?? []).filter((item) => item !== '');

/** Reads `GET`/`PUT /api/inbox/admin/site`. */
export function readAdminSite(body: unknown): AdminSite | null {
  if (!isRecord(body)) return null;
  const { id, key, name } = body;
  const replyPromiseHours = numberOrNull(body.replyPromiseHours);
  if (typeof id !== 'string' || typeof key !== 'string' || typeof name !== 'string') return null;
  if (replyPromiseHours === null) return null;
  return {
    id,
    key,
    name,
    allowedOrigins: strings(body.allowedOrigins),
    themeColor: stringOrNull(body.themeColor),
    defaultLanguage: stringOrNull(body.defaultLanguage),
    replyPromiseHours,
    escalationReassign: body.escalationReassign === true,
    retentionDays: numberOrNull(body.retentionDays),
    proofOfWork: oneOf(PROOF_OF_WORK, body.proofOfWork) ?? 'auto',
    defaultRepId: stringOrNull(body.defaultRepId),
    defaultTeamId: stringOrNull(body.defaultTeamId),
  };
}

/** Reads one rep of `GET /api/inbox/admin/reps` and the answers of POST and PUT. */
export function readAdminRep(body: unknown): AdminRep | null {
  if (!isRecord(body)) return null;
  const { id, name, email, handle } = body;
  const role = oneOf(ROLES, body.role);
  if (typeof id !== 'string' || typeof name !== 'string' || typeof email !== 'string') return null;
  if (typeof handle !== 'string' || !role) return null;
  const profile = isRecord(body.profile) ? body.profile : {};
  const hours = WeeklyHours.safeParse(profile.hours);
  return {
    id,
    name,
    title: stringOrNull(body.title),
    email,
    role,
    handle,
    active: body.active !== false,
    profile: {
      languages: strings(profile.languages),
      countries: strings(profile.countries),
      hours: hours.success ? hours.data : null,
      away: profile.away === true,
      whatsapp: stringOrNull(profile.whatsapp),
      maxOpen: numberOrNull(profile.maxOpen),
    },
  };
}

/** Reads one team. */
export function readAdminTeam(body: unknown): AdminTeam | null {
  if (!isRecord(body)) return null;
  const { id, name } = body;
  const distribution = oneOf(DISTRIBUTIONS, body.distribution);
  if (typeof id !== 'string' || typeof name !== 'string' || !distribution) return null;
  return { id, name, distribution, memberIds: strings(body.memberIds) };
}

function readTarget(value: unknown): RuleTargetInput | null {
  if (!isRecord(value)) return null;
  if (typeof value.repId === 'string') return { repId: value.repId };
  if (typeof value.teamId === 'string') return { teamId: value.teamId };
  return null;
}

/** Reads one rule. */
export function readAdminRule(body: unknown): AdminRule | null {
  if (!isRecord(body)) return null;
  const { id, name } = body;
  const match = RuleMatch.safeParse(body.match);
  const target = readTarget(body.target);
  if (typeof id !== 'string' || typeof name !== 'string' || !match.success || !target) return null;
  return { id, name, match: match.data, target };
}

function readRepStats(body: unknown): RepStats | null {
  if (!isRecord(body)) return null;
  const { repId, name } = body;
  const answered = numberOrNull(body.answered);
  const total = numberOrNull(body.total);
  if (typeof repId !== 'string' || typeof name !== 'string') return null;
  if (answered === null || total === null) return null;
  return {
    repId,
    name,
    answered,
    total,
    medianFirstReplyMinutes: numberOrNull(body.medianFirstReplyMinutes),
    shareWithin24h: numberOrNull(body.shareWithin24h),
  };
}

/** Reads `GET /api/inbox/admin/stats`. */
export function readAdminStats(body: unknown): AdminStats | null {
  if (!isRecord(body) || typeof body.since !== 'string') return null;
  const reps = listOf(body.reps, readRepStats);
  // An older server sends no list: nothing undelivered to show.
  const undelivered =
    body.undelivered === undefined ? [] : listOf(body.undelivered, readUndelivered);
  return reps && undelivered ? { since: body.since, reps, undelivered } : null;
}

function readUndelivered(item: unknown): UndeliveredMail | null {
  if (!isRecord(item) || typeof item.id !== 'string' || typeof item.kind !== 'string') return null;
  if (typeof item.attempts !== 'number' || typeof item.createdAt !== 'string') return null;
  return {
    id: item.id,
    kind: item.kind,
    inquiryId: typeof item.inquiryId === 'string' ? item.inquiryId : null,
    attempts: item.attempts,
    lastError: typeof item.lastError === 'string' ? item.lastError : null,
    createdAt: item.createdAt,
  };
}

/** A reader of a list whose every item `read` reads. */
export const listReader =
  <T>(read: (item: unknown) => T | null) =>
  (body: unknown): T[] | null =>
    listOf(body, read);
