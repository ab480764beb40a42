import { afterEach, beforeEach, expect } from 'vitest';
import type {
  AdminRep,
  AdminRule,
  AdminSite,
  AdminTeam,
  ErrorBody,
  RepInput,
} from '../../contract';
import { hashPassword } from '../../server/auth/passwords';
import type { Rep } from '../../server/storage/store';
import { inboxRequest, signInAs } from './inbox-client';
import { createTestApp, type TestApp } from './test-app';

// The admin API's tests: a fresh test app per test, with the demo site's admin signed in, and
// the calls they make. The bindings below are set anew before each test by useSignedInAdmin();
// an importing file reads them live, as it would its own module-level variables.

export let t: TestApp;
export let admin: string;
export let moore: Rep;
export const MOORE = 'moore.liu@example.com';

/** Before each test of the calling file: a new app, with Moore (the demo admin) signed in. */
export function useSignedInAdmin(): void {
  beforeEach(async () => {
    t = await createTestApp();
    const found = await t.store.findRepByEmail(MOORE);
    if (!found) throw new Error('no demo rep');
    moore = found;
    await t.store.setPasswordHash(moore.id, await hashPassword('password-123'));
    admin = await signInAs(t, MOORE);
  });
  afterEach(async () => {
    await t.close();
  });
}

export const call = (method: string, path: string, body?: unknown, cookie = admin) =>
  inboxRequest(t, cookie, method, `/admin${path}`, body);

export async function ok<T>(
  method: string,
  path: string,
  body?: unknown,
  status = 200,
): Promise<T> {
  const res = await call(method, path, body);
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
}

export async function refused(method: string, path: string, body: unknown, status = 400) {
  const res = await call(method, path, body);
  expect(res.status).toBe(status);
  return ((await res.json()) as ErrorBody).error;
}

/** Everything the admin API can change, as it reads back. */
export const snapshot = async () => ({
  site: await ok<AdminSite>('GET', '/site'),
  reps: await ok<AdminRep[]>('GET', '/reps'),
  teams: await ok<AdminTeam[]>('GET', '/teams'),
  rules: await ok<AdminRule[]>('GET', '/rules'),
});

export const repInput = (over: Partial<RepInput> = {}): RepInput => ({
  name: 'Ms. Ana Wu',
  title: 'Export Sales',
  email: 'ana.wu@example.com',
  role: 'rep',
  handle: 'ana-wu',
  active: true,
  profile: {
    languages: ['es', 'en'],
    countries: ['MX', 'LATAM'],
    hours: {
      timezone: 'America/Mexico_City',
      days: {
        mon: [
          ['09:00', '13:00'],
          ['14:00', '18:00'],
        ],
        fri: [['09:00', '15:00']],
      },
    },
    away: false,
    whatsapp: '+5215512345678',
    maxOpen: 25,
  },
  ...over,
});

export const siteInput = (site: AdminSite, over: Record<string, unknown> = {}) => ({
  name: site.name,
  allowedOrigins: site.allowedOrigins,
  themeColor: site.themeColor,
  defaultLanguage: site.defaultLanguage,
  replyPromiseHours: site.replyPromiseHours,
  escalationReassign: site.escalationReassign,
  defaultRepId: site.defaultRepId,
  defaultTeamId: site.defaultTeamId,
  ...over,
});
