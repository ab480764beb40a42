import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../contract';
import { hashPassword } from '../../server/auth/passwords';
import { addRep, inboxRequest, sendInquiry, signInAs } from '../support/inbox-client';
import { createTestApp, rowCounts, type TestApp } from '../support/test-app';

let t: TestApp;
let inquiryId: string;
let before: Record<string, number>;
const MOORE = 'moore.liu@example.com';

beforeEach(async () => {
  t = await createTestApp();
  const moore = await t.store.findRepByEmail(MOORE);
  await t.store.setPasswordHash(moore?.id ?? '', await hashPassword('password-123'));
  inquiryId = (await sendInquiry(t)).id;
  before = await rowCounts(t.db);
});
afterEach(async () => {
  await t.close();
});

// Every inbox route, with a body where it takes one. `:id` is the demo site's inquiry.
const ROUTES: Array<[string, string, unknown?]> = [
  ['GET', '/me'],
  ['GET', '/reps'],
  ['GET', '/inquiries'],
  ['GET', '/inquiries?q=valve'],
  ['GET', '/inquiries/:id'],
  ['POST', '/inquiries/:id/read'],
  [
    'POST',
    '/inquiries/:id/messages',
    { body: 'Hello from someone who should not be here', kind: 'reply' },
  ],
  [
    'POST',
    '/inquiries/:id/messages',
    { body: 'A note nobody should be able to add', kind: 'note' },
  ],
  ['PATCH', '/inquiries/:id', { status: 'closed' }],
  ['GET', '/events'],
];
const withId = (path: string) => path.replace(':id', inquiryId);

async function unchanged() {
  expect(await rowCounts(t.db)).toEqual(before);
  const inquiry = await t.store.findInquiry(inquiryId);
  expect(inquiry).toMatchObject({ status: 'new', unread: true });
}

describe('inbox access', () => {
  it.each(ROUTES)(
    'a signed-out browser gets 401 on %s %s and changes nothing',
    async (method, path, body) => {
      const res = await inboxRequest(t, null, method, withId(path), body);
      expect(res.status).toBe(401);
      expect(((await res.json()) as ErrorBody).error.code).toBe('UNAUTHENTICATED');
      await unchanged();
    },
  );

  it.each(ROUTES)(
    'a forged session cookie gets 401 on %s %s and changes nothing',
    async (method, path, body) => {
      for (const cookie of [
        'liaison_session=aaaaaaaaaaaaaaaaaaaaaaaaaa',
        'liaison_session=../../etc',
        'liaison_session=',
      ]) {
        const res = await inboxRequest(t, cookie, method, withId(path), body);
        expect(res.status).toBe(401);
      }
      await unchanged();
    },
  );

  it.each(ROUTES.filter(([, path]) => path.includes(':id')))(
    'a rep of another site gets 404 on %s %s and changes nothing',
    async (method, path, body) => {
      await addRep(t, { email: 'eve@other.example', siteKey: 'other', role: 'admin' });
      const cookie = await signInAs(t, 'eve@other.example');
      before = await rowCounts(t.db);
      const res = await inboxRequest(t, cookie, method, withId(path), body);
      expect(res.status).toBe(404);
      expect(((await res.json()) as ErrorBody).error.code).toBe('NOT_FOUND');
      await unchanged();
    },
  );

  it('a rep of another site sees none of this site in the list', async () => {
    await addRep(t, { email: 'eve@other.example', siteKey: 'other', role: 'admin' });
    const cookie = await signInAs(t, 'eve@other.example');
    const res = await inboxRequest(t, cookie, 'GET', '/inquiries');
    expect(await res.json()).toEqual({ items: [], nextCursor: null, unreadCount: 0 });
    const reps = (await (await inboxRequest(t, cookie, 'GET', '/reps')).json()) as Array<{
      name: string;
    }>;
    expect(reps.map((r) => r.name)).toEqual(['eve@other.example']);
  });

  it('a rep of the same site sees only inquiries assigned to them', async () => {
    await addRep(t, { email: 'ana@hengda.example', role: 'rep' });
    const cookie = await signInAs(t, 'ana@hengda.example');
    const list = await (await inboxRequest(t, cookie, 'GET', '/inquiries')).json();
    expect(list).toMatchObject({ items: [] });
    expect((await inboxRequest(t, cookie, 'GET', withId('/inquiries/:id'))).status).toBe(404);
    await unchanged();
  });

  it.each(ROUTES.filter(([method]) => method !== 'GET'))(
    'a cross-origin %s %s with a valid session is refused and changes nothing',
    async (method, path, body) => {
      const cookie = await signInAs(t, MOORE);
      before = await rowCounts(t.db);
      for (const origin of ['https://evil.example', 'null']) {
        const res = await inboxRequest(t, cookie, method, withId(path), body, { Origin: origin });
        expect(res.status).toBe(403);
      }
      const noOrigin = await t.app.request(`/api/inbox${withId(path)}`, {
        method,
        headers: { Cookie: cookie, 'Content-Type': 'application/json' },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      expect(noOrigin.status).toBe(403);
      await unchanged();
    },
  );

  it('refuses cross-origin sign-in attempts', async () => {
    const res = await inboxRequest(
      t,
      null,
      'POST',
      '/auth/password',
      { email: MOORE, password: 'password-123' },
      {
        Origin: 'https://evil.example',
      },
    );
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('signs out: the old cookie no longer works', async () => {
    const cookie = await signInAs(t, MOORE);
    expect((await inboxRequest(t, cookie, 'GET', '/me')).status).toBe(200);
    expect((await inboxRequest(t, cookie, 'POST', '/auth/sign-out')).status).toBe(204);
    expect((await inboxRequest(t, cookie, 'GET', '/me')).status).toBe(401);
  });

  it('a deactivated rep is signed out everywhere', async () => {
    const cookie = await signInAs(t, MOORE);
    const moore = await t.store.findRepByEmail(MOORE);
    await t.store.setRepActive(moore?.id ?? '', false);
    expect((await inboxRequest(t, cookie, 'GET', '/me')).status).toBe(401);
  });

  it('a rep deactivated and reactivated, or given a new password, must sign in again', async () => {
    const moore = await t.store.findRepByEmail(MOORE);
    const id = moore?.id ?? '';
    const steps: Array<[string, () => Promise<void>]> = [
      [
        'setRepActive',
        async () => {
          await t.store.setRepActive(id, false);
          await t.store.setRepActive(id, true);
        },
      ],
      [
        'updateRep (the admin API, the config file)',
        async () => {
          await t.store.updateRep(id, { active: false });
          await t.store.updateRep(id, { active: true });
        },
      ],
      [
        'setPasswordHash',
        async () => t.store.setPasswordHash(id, await hashPassword('another-pass')),
      ],
    ];
    for (const [what, step] of steps) {
      await t.store.setPasswordHash(id, await hashPassword('password-123'));
      const cookie = await signInAs(t, MOORE);
      expect((await inboxRequest(t, cookie, 'GET', '/me')).status, what).toBe(200);
      await step();
      expect((await inboxRequest(t, cookie, 'GET', '/me')).status, what).toBe(401);
    }
  });
});
