import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdminSite, WidgetConfig } from '../../contract';
import { hashPassword } from '../../server/auth/passwords';
import { inboxRequest, signInAs } from '../support/inbox-client';
import { createTestApp, type TestApp } from '../support/test-app';

// Widget-config answers are kept for 5 s (http/widget-config-answers.ts): this process's admin
// changes show at once, another process's (a write straight to the database) within the TTL.

let t: TestApp;
let admin: string;
const PAGE = '/api/v1/sites/demo/widget-config?page=https%3A%2F%2Fhengda.example%2Fp%2F1';
const ORIGIN = 'http://localhost:8080';

beforeEach(async () => {
  t = await createTestApp();
  const moore = await t.store.findRepByEmail('moore.liu@example.com');
  await t.store.setPasswordHash(moore?.id ?? '', await hashPassword('password-123'));
  admin = await signInAs(t, 'moore.liu@example.com');
});
afterEach(async () => {
  await t.close();
});

const read = (headers: Record<string, string> = {}) =>
  t.app.request(PAGE, { headers: { Origin: ORIGIN, ...headers } });
const config = async () => {
  const res = await read();
  expect(res.status).toBe(200);
  return (await res.json()) as WidgetConfig;
};
const later = (ms: number) => {
  t.now.value = new Date(t.now.value.getTime() + ms);
};
const demoSite = async () => {
  const site = await t.store.findSiteByKey('demo');
  if (!site) throw new Error('no demo site');
  return site;
};

describe('kept widget-config answers', () => {
  it('show an admin change made through this process at once', async () => {
    expect((await config()).site.replyPromiseHours).toBe(24);
    const res = await inboxRequest(t, admin, 'GET', '/admin/site');
    const site = (await res.json()) as AdminSite;
    const put = await inboxRequest(t, admin, 'PUT', '/admin/site', {
      name: 'Hengda Valves',
      allowedOrigins: site.allowedOrigins,
      themeColor: site.themeColor,
      defaultLanguage: site.defaultLanguage,
      replyPromiseHours: 6,
      escalationReassign: site.escalationReassign,
      defaultRepId: site.defaultRepId,
      defaultTeamId: site.defaultTeamId,
    });
    expect(put.status).toBe(200);
    expect((await config()).site).toMatchObject({ name: 'Hengda Valves', replyPromiseHours: 6 });
  });

  it("show another process's change within 5 seconds", async () => {
    const site = await demoSite();
    const before = await config();
    await t.store.updateSite(site.id, { replyPromiseHours: 8 });
    later(4_000);
    expect(await config()).toEqual(before);
    later(1_001);
    expect((await config()).site.replyPromiseHours).toBe(8);
  });

  it('keep the ETag, answer 304, and keep refusing an origin the site does not allow', async () => {
    const first = await read();
    const etag = first.headers.get('ETag') ?? '';
    expect(etag).toMatch(/^"[0-9a-f]{40}"$/);
    const again = await read({ 'If-None-Match': `W/${etag}` });
    expect(again.status).toBe(304);
    expect(again.headers.get('ETag')).toBe(etag);
    expect(again.headers.get('Cache-Control')).toBe('public, max-age=60');
    expect(again.headers.get('Access-Control-Allow-Origin')).toBe(ORIGIN);
    const foreign = await read({ Origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe(
      'ORIGIN_NOT_ALLOWED',
    );
  });

  it('stop answering for an origin an admin removes, at once', async () => {
    expect((await read()).status).toBe(200);
    const site = await demoSite();
    // Through the app's own store, as the admin API writes (clears the kept answers).
    const res = await inboxRequest(t, admin, 'GET', '/admin/site');
    const current = (await res.json()) as AdminSite;
    const put = await inboxRequest(t, admin, 'PUT', '/admin/site', {
      name: site.name,
      allowedOrigins: ['https://hengda.example', 'http://localhost:8787'],
      themeColor: current.themeColor,
      defaultLanguage: current.defaultLanguage,
      replyPromiseHours: current.replyPromiseHours,
      escalationReassign: current.escalationReassign,
      defaultRepId: current.defaultRepId,
      defaultTeamId: current.defaultTeamId,
    });
    expect(put.status).toBe(200);
    expect((await read()).status).toBe(403);
  });
});
