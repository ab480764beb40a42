import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorBody, Me } from '../../contract';
import { deliveriesOf, inboxGet, inboxRequest, signInAsDemoAdmin } from '../support/inbox-client';
import { startMailWorker } from '../support/mail-worker';
import { createTestApp, type TestApp } from '../support/test-app';

// The inbox API's sign-in: password and mailed link, the session cookie, and the throttle
// on failures (the rest of the inbox API: inbox-api.test.ts).

let t: TestApp;
let cookie: string;
const MOORE = 'moore.liu@example.com';

beforeEach(async () => {
  t = await createTestApp();
  cookie = await signInAsDemoAdmin(t);
});
afterEach(async () => {
  await t.close();
});

describe('sign-in', () => {
  it('answers who is signed in', async () => {
    expect(await inboxGet<Me>(t, cookie, '/me')).toMatchObject({
      name: 'Mr. Moore Liu',
      email: MOORE,
      role: 'admin',
      site: { key: 'demo', name: 'Hengda Fluid Control' },
    });
  });

  it('sets an HttpOnly, SameSite=Lax session cookie, not Secure on http', async () => {
    const res = await inboxRequest(t, null, 'POST', '/auth/password', {
      email: MOORE,
      password: 'password-123',
    });
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^liaison_session=[a-z2-7]{26};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/);
    // Only the token's hash is stored.
    const token = /liaison_session=([a-z2-7]+)/.exec(setCookie)?.[1] ?? '';
    const rows = await t.db.selectFrom('sessions').select('idHash').execute();
    expect(rows.some((r) => r.idHash.includes(token))).toBe(false);
  });

  it('refuses a wrong password and an unknown account alike', async () => {
    for (const body of [
      { email: MOORE, password: 'wrong-password' },
      { email: 'nobody@example.com', password: 'password-123' },
    ]) {
      const res = await inboxRequest(t, null, 'POST', '/auth/password', body);
      expect(res.status).toBe(401);
      expect(((await res.json()) as ErrorBody).error.code).toBe('INVALID_CREDENTIALS');
    }
  });

  it('refuses an account after repeated failures, with Retry-After, even with the right password', async () => {
    for (let i = 0; i < 10; i++) {
      const res = await inboxRequest(t, null, 'POST', '/auth/password', {
        email: MOORE,
        password: `wrong-${i}`,
      });
      expect(res.status).toBe(401);
    }
    const locked = await inboxRequest(t, null, 'POST', '/auth/password', {
      email: MOORE,
      password: 'password-123',
    });
    expect(locked.status).toBe(429);
    expect(((await locked.json()) as ErrorBody).error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(locked.headers.get('Retry-After'))).toBeGreaterThan(0);
    t.now.value = new Date(t.now.value.getTime() + 16 * 60_000);
    const after = await inboxRequest(t, null, 'POST', '/auth/password', {
      email: MOORE,
      password: 'password-123',
    });
    expect(after.status).toBe(200);
  });

  it('signs in once with a mailed link', async () => {
    const res = await inboxRequest(t, null, 'POST', '/auth/link', { email: MOORE });
    expect(res.status).toBe(202);
    expect(
      (await inboxRequest(t, null, 'POST', '/auth/link', { email: 'nobody@example.com' })).status,
    ).toBe(202);
    const [delivery] = await deliveriesOf(t, 'sign-in-link');
    expect(await deliveriesOf(t, 'sign-in-link')).toHaveLength(1);
    const { signInUrl } = await import('../../server/domain/sign-in-link');
    const linkId = JSON.parse(delivery?.payload ?? '{}').linkId as string;
    const token = signInUrl('', 'test-secret-test-secret-test-secret-42', linkId).split('#')[1];
    const first = await inboxRequest(t, null, 'POST', '/auth/link/sign-in', { token });
    expect(first.status).toBe(200);
    const again = await inboxRequest(t, null, 'POST', '/auth/link/sign-in', { token });
    expect(again.status).toBe(401);
  });

  it('mails a link while it works, and not once it has expired', async () => {
    const mail = await startMailWorker(t);
    try {
      expect((await inboxRequest(t, null, 'POST', '/auth/link', { email: MOORE })).status).toBe(
        202,
      );
      await mail.worker.runOnce();
      expect(mail.sink.mails.map((m) => m.subject)).toEqual(['Your Liaison sign-in link']);
      // Another, whose mail waits past the link's 15 minutes (the mail server was down).
      t.now.value = new Date(t.now.value.getTime() + 10 * 60_000);
      expect((await inboxRequest(t, null, 'POST', '/auth/link', { email: MOORE })).status).toBe(
        202,
      );
      t.now.value = new Date(t.now.value.getTime() + 16 * 60_000);
      const [result] = await mail.worker.runOnce();
      expect(result).toMatchObject({ outcome: 'sent' });
      expect(mail.sink.mails).toHaveLength(1);
    } finally {
      await mail.close();
    }
  });
});

describe('what sign-in throttling keeps', () => {
  it('stores neither the client address nor the email, only hashes', async () => {
    await inboxRequest(t, null, 'POST', '/auth/password', {
      email: 'who@example.com',
      password: 'wrong-password',
    });
    const keys = (await t.db.selectFrom('throttles').select('key').execute()).map((r) => r.key);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).not.toMatch(/who@example\.com|local|ip:/);
      expect(key).toMatch(/^(signin|rate):[0-9a-f]{32}$/);
    }
  });
});
