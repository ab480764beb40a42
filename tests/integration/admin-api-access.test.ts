import { beforeEach, describe, expect, it } from 'vitest';
import type { AdminTeam, ErrorBody } from '../../contract';
import {
  admin,
  call,
  MOORE,
  moore,
  ok,
  repInput,
  snapshot,
  t,
  useSignedInAdmin,
} from '../support/admin-client';
import { addRep, inboxRequest, signInAs } from '../support/inbox-client';

// Who may use the admin API: admins only, signed in, from the inbox's own origin.

useSignedInAdmin();

// Every admin route, with a valid body where it takes one.
const ROUTES: Array<[string, string, unknown?]> = [
  ['GET', '/site'],
  [
    'PUT',
    '/site',
    {
      name: 'Taken over',
      allowedOrigins: [],
      themeColor: null,
      defaultLanguage: null,
      replyPromiseHours: 1,
      escalationReassign: false,
      defaultRepId: null,
      defaultTeamId: null,
    },
  ],
  ['GET', '/reps'],
  ['POST', '/reps', repInput({ email: 'sneaky@example.com', handle: 'sneaky' })],
  ['PUT', '/reps/:moore', repInput({ email: MOORE, handle: 'moore-liu', role: 'rep' })],
  ['GET', '/teams'],
  ['POST', '/teams', { name: 'Mine', distribution: 'round-robin', memberIds: [] }],
  ['PUT', '/teams/:team', { name: 'Mine', distribution: 'round-robin', memberIds: [] }],
  ['DELETE', '/teams/:team'],
  ['GET', '/rules'],
  ['PUT', '/rules', { rules: [] }],
  ['GET', '/stats'],
];

describe('the admin API, as anyone else', () => {
  let teamId: string;
  let before: Awaited<ReturnType<typeof snapshot>>;
  const withIds = (path: string) => path.replace(':moore', moore.id).replace(':team', teamId);

  beforeEach(async () => {
    teamId = (
      await ok<AdminTeam>(
        'POST',
        '/teams',
        { name: 'Valves', distribution: 'round-robin', memberIds: [moore.id] },
        201,
      )
    ).id;
    await ok('PUT', '/rules', { rules: [{ name: 'All', match: {}, target: { teamId } }] });
    await addRep(t, { email: 'plain@example.com' });
    before = await snapshot();
  });

  it.each(ROUTES)(
    'a plain rep gets 403 on %s %s and changes nothing',
    async (method, path, body) => {
      const res = await call(method, withIds(path), body, await signInAs(t, 'plain@example.com'));
      expect(res.status).toBe(403);
      expect(((await res.json()) as ErrorBody).error.code).toBe('FORBIDDEN');
      expect(await snapshot()).toEqual(before);
    },
  );

  it.each(ROUTES)('a signed-out browser gets 401 on %s %s', async (method, path, body) => {
    const res = await inboxRequest(t, null, method, `/admin${withIds(path)}`, body);
    expect(res.status).toBe(401);
    expect(await snapshot()).toEqual(before);
  });

  it.each(ROUTES.filter(([method]) => method !== 'GET'))(
    'another origin gets 403 on %s %s',
    async (method, path, body) => {
      const res = await inboxRequest(t, admin, method, `/admin${withIds(path)}`, body, {
        Origin: 'https://evil.example',
      });
      expect(res.status).toBe(403);
      expect(await snapshot()).toEqual(before);
    },
  );
});
