import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  AdminRep,
  AdminRule,
  AdminSite,
  AdminStats,
  AdminTeam,
  ErrorBody,
  RepInput,
} from '../../contract';
import { hashPassword } from '../../server/auth/passwords';
import type { Rep } from '../../server/storage/store';
import { addRep, inboxRequest, sendInquiry, signInAs } from '../support/inbox-client';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let admin: string;
let moore: Rep;
const MOORE = 'moore.liu@example.com';

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

const call = (method: string, path: string, body?: unknown, cookie = admin) =>
  inboxRequest(t, cookie, method, `/admin${path}`, body);

async function ok<T>(method: string, path: string, body?: unknown, status = 200): Promise<T> {
  const res = await call(method, path, body);
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
}

async function refused(method: string, path: string, body: unknown, status = 400) {
  const res = await call(method, path, body);
  expect(res.status).toBe(status);
  return ((await res.json()) as ErrorBody).error;
}

/** Everything the admin API can change, as it reads back. */
const snapshot = async () => ({
  site: await ok<AdminSite>('GET', '/site'),
  reps: await ok<AdminRep[]>('GET', '/reps'),
  teams: await ok<AdminTeam[]>('GET', '/teams'),
  rules: await ok<AdminRule[]>('GET', '/rules'),
});

const repInput = (over: Partial<RepInput> = {}): RepInput => ({
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

const siteInput = (site: AdminSite, over: Record<string, unknown> = {}) => ({
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

describe('the admin API, as an admin', () => {
  it('reads and changes the site', async () => {
    const site = await ok<AdminSite>('GET', '/site');
    expect(site).toMatchObject({
      key: 'demo',
      name: 'Hengda Fluid Control',
      defaultRepId: moore.id,
    });
    const changed = await ok<AdminSite>(
      'PUT',
      '/site',
      siteInput(site, {
        allowedOrigins: [
          'https://hengda.example',
          'https://*.hengda.example',
          'http://localhost:*',
        ],
        themeColor: '#0f766e',
        defaultLanguage: 'en',
        replyPromiseHours: 12,
        escalationReassign: true,
      }),
    );
    expect(changed).toMatchObject({ themeColor: '#0f766e', replyPromiseHours: 12 });
    expect(await ok<AdminSite>('GET', '/site')).toEqual(changed);
  });

  it('adds a rep without a password, with a profile, and changes them', async () => {
    const ana = await ok<AdminRep>('POST', '/reps', repInput(), 201);
    expect(ana).toMatchObject({ name: 'Ms. Ana Wu', handle: 'ana-wu', profile: { maxOpen: 25 } });
    expect(await t.store.findPasswordHash(ana.id)).toBeNull();
    const reps = await ok<AdminRep[]>('GET', '/reps');
    expect(reps.find((r) => r.id === ana.id)).toEqual(ana);

    const changed = await ok<AdminRep>(
      'PUT',
      `/reps/${ana.id}`,
      repInput({
        title: 'Head of Export',
        role: 'admin',
        profile: { ...ana.profile, hours: null, away: true },
      }),
    );
    expect(changed).toMatchObject({
      title: 'Head of Export',
      role: 'admin',
      profile: { away: true, hours: null },
    });
    expect((await ok<AdminRep[]>('GET', '/reps')).find((r) => r.id === ana.id)).toEqual(changed);
  });

  it('creates, changes and deletes a team', async () => {
    const ana = await ok<AdminRep>('POST', '/reps', repInput(), 201);
    const team = await ok<AdminTeam>(
      'POST',
      '/teams',
      { name: 'Valves', distribution: 'round-robin', memberIds: [moore.id, ana.id] },
      201,
    );
    expect(await ok<AdminTeam[]>('GET', '/teams')).toEqual([team]);
    const changed = await ok<AdminTeam>('PUT', `/teams/${team.id}`, {
      name: 'Valves EU',
      distribution: 'least-open',
      memberIds: [ana.id],
    });
    expect(changed).toEqual({
      id: team.id,
      name: 'Valves EU',
      distribution: 'least-open',
      memberIds: [ana.id],
    });
    expect((await call('DELETE', `/teams/${team.id}`)).status).toBe(204);
    expect(await ok<AdminTeam[]>('GET', '/teams')).toEqual([]);
  });

  it('replaces the rules in order, keeping the ids it is given', async () => {
    const team = await ok<AdminTeam>(
      'POST',
      '/teams',
      { name: 'Valves', distribution: 'round-robin', memberIds: [moore.id] },
      201,
    );
    const first = await ok<AdminRule[]>('PUT', '/rules', {
      rules: [
        { name: 'Ball valves', match: { sku: 'BV-*' }, target: { teamId: team.id } },
        {
          name: 'Spanish',
          match: { languages: ['es'], countries: ['LATAM'] },
          target: { repId: moore.id },
        },
      ],
    });
    expect(first.map((r) => r.name)).toEqual(['Ball valves', 'Spanish']);
    const [valves, spanish] = first;
    if (!valves || !spanish) throw new Error('two rules expected');
    const swapped = await ok<AdminRule[]>('PUT', '/rules', { rules: [spanish, valves] });
    expect(swapped).toEqual([spanish, valves]);
    expect(await ok<AdminRule[]>('GET', '/rules')).toEqual([spanish, valves]);
  });

  it("gets 404 for another site's rep and team", async () => {
    const other = await addRep(t, { email: 'zed@other.example', siteKey: 'other' });
    await t.store.saveTeam({
      id: 'team-other',
      siteId: other.siteId,
      name: 'Other',
      distribution: 'round-robin',
      memberIds: [other.id],
    });
    const before = await snapshot();
    const team = { name: 'Mine now', distribution: 'round-robin', memberIds: [] };
    for (const [method, path, body] of [
      ['PUT', `/reps/${other.id}`, repInput({ email: other.email, handle: other.handle })],
      ['PUT', '/teams/team-other', team],
      ['DELETE', '/teams/team-other', undefined],
    ] as const) {
      expect((await refused(method, path, body, 404)).code).toBe('NOT_FOUND');
    }
    expect(await snapshot()).toEqual(before);
    expect((await t.store.listTeams(other.siteId))[0]?.name).toBe('Other');
  });
});

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

describe('bad input gets 400 with field messages and changes nothing', () => {
  it.each([
    [
      'a bad origin pattern',
      { allowedOrigins: ['https://ok.example', '*'] },
      'allowedOrigins.1',
      /origin such as/,
    ],
    [
      'an origin with a path',
      { allowedOrigins: ['https://ok.example/shop'] },
      'allowedOrigins.0',
      /origin such as/,
    ],
    ['a bad colour', { themeColor: 'teal' }, 'themeColor', /#1d4ed8/],
    ['a promise of 0 hours', { replyPromiseHours: 0 }, 'replyPromiseHours', /greater than/],
    ['an unknown default rep', { defaultRepId: 'nobody' }, 'defaultRepId', /rep of this site/],
    ['an unknown default team', { defaultTeamId: 'nothing' }, 'defaultTeamId', /team of this site/],
  ])('site: %s', async (_name, over, field, message) => {
    const before = await snapshot();
    const error = await refused('PUT', '/site', siteInput(before.site, over));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields?.[field]).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    [
      'a bad timezone in hours',
      { profile: { ...repInput().profile, hours: { timezone: 'Mars/Olympus', days: {} } } },
      'profile.hours.timezone',
      /IANA/,
    ],
    [
      'a period that ends before it starts',
      {
        profile: {
          ...repInput().profile,
          hours: { timezone: 'Europe/Berlin', days: { tue: [['18:00', '09:00']] } },
        },
      },
      'profile.hours.days.tue.0',
      /end after/,
    ],
    [
      'a malformed WhatsApp number',
      { profile: { ...repInput().profile, whatsapp: '0800 123' } },
      'profile.whatsapp',
      /\+8613800000000/,
    ],
    ['an email another account has', { email: MOORE.toUpperCase() }, 'email', /Another account/],
    ['a handle another rep has', { handle: 'moore-liu' }, 'handle', /Another rep/],
    ['a handle with spaces', { handle: 'Ana Wu' }, 'handle', /lower-case/],
  ] satisfies Array<[string, Partial<RepInput>, string, RegExp]>)(
    'rep: %s',
    async (_name, over, field, message) => {
      const before = await snapshot();
      const error = await refused('POST', '/reps', repInput(over));
      expect(error.fields?.[field]).toMatch(message);
      expect(await snapshot()).toEqual(before);
    },
  );

  it('rep: an admin cannot demote or deactivate themselves', async () => {
    const error = await refused(
      'PUT',
      `/reps/${moore.id}`,
      repInput({ email: MOORE, handle: 'moore-liu', role: 'rep', active: false }),
    );
    expect(error.fields).toMatchObject({ role: expect.any(String), active: expect.any(String) });
  });

  it('team: an unknown member and one of another site', async () => {
    const other = await addRep(t, { email: 'zed@other.example', siteKey: 'other' });
    const before = await snapshot();
    const error = await refused('POST', '/teams', {
      name: 'Valves',
      distribution: 'round-robin',
      memberIds: [moore.id, 'nobody', other.id],
    });
    expect(error.fields).toEqual({
      'memberIds.1': 'Choose a rep of this site.',
      'memberIds.2': 'Choose a rep of this site.',
    });
    expect(await snapshot()).toEqual(before);
  });

  it("rules: a rule pointing at another site's team or rep", async () => {
    const other = await addRep(t, { email: 'zed@other.example', siteKey: 'other' });
    await t.store.saveTeam({
      id: 'team-other',
      siteId: other.siteId,
      name: 'Other',
      distribution: 'round-robin',
      memberIds: [],
    });
    await ok('PUT', '/rules', {
      rules: [{ name: 'Mine', match: {}, target: { repId: moore.id } }],
    });
    const before = await snapshot();
    const error = await refused('PUT', '/rules', {
      rules: [
        { name: 'Fine', match: { sku: 'BV-*' }, target: { repId: moore.id } },
        { name: 'Theirs', match: {}, target: { repId: other.id } },
        { name: 'Their team', match: {}, target: { teamId: 'team-other' } },
        { id: 'rule-of-nobody', name: 'Stolen id', match: {}, target: { repId: moore.id } },
      ],
    });
    expect(error.fields).toEqual({
      'rules.1.target.repId': 'Choose a rep of this site.',
      'rules.2.target.teamId': 'Choose a team of this site.',
      'rules.3.id': 'No such rule of this site.',
    });
    expect(await snapshot()).toEqual(before);
  });

  it('rules: a bad condition is named by its path', async () => {
    const error = await refused('PUT', '/rules', {
      rules: [{ name: 'x', match: { sku: '' }, target: { repId: moore.id } }],
    });
    expect(Object.keys(error.fields ?? {})).toEqual(['rules.0.match.sku']);
  });
});

describe('reply times', () => {
  const advance = (minutes: number) => {
    t.now.value = new Date(t.now.value.getTime() + minutes * 60_000);
  };
  const reply = async (id: string) => {
    const res = await inboxRequest(t, admin, 'POST', `/inquiries/${id}/messages`, {
      body: 'Thank you, here is our quote.',
      kind: 'reply',
    });
    expect(res.status).toBe(201);
  };

  it('counts the median first reply and the share within 24 hours per rep', async () => {
    const a = await sendInquiry(t, { email: 'a@buyer.example' });
    advance(30);
    await reply(a.id); // 30 min
    const b = await sendInquiry(t, { email: 'b@buyer.example' });
    advance(90);
    await reply(b.id); // 90 min
    await reply(a.id); // a second reply does not change the first
    await sendInquiry(t, { email: 'c@buyer.example' }); // never answered
    advance(25 * 60);
    const d = await sendInquiry(t, { email: 'd@buyer.example' }); // answered after 2 days
    advance(48 * 60);
    await reply(d.id);
    await sendInquiry(t, { email: 'e@buyer.example' }); // unanswered, 0 minutes old: left out

    const stats = await ok<AdminStats>('GET', '/stats');
    expect(stats.reps).toEqual([
      {
        repId: moore.id,
        name: 'Mr. Moore Liu',
        answered: 3,
        total: 5,
        medianFirstReplyMinutes: 90,
        // a and b within; c unanswered for over a day, d answered after two: 2 of 4.
        shareWithin24h: 0.5,
      },
    ]);
  });
});
