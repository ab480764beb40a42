import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../contract';
import { SIGN_IN_POLICY } from '../../server/auth/throttle';
import { DomainError } from '../../server/domain/errors';
import { passwordSignIn } from '../../server/domain/sign-in';
import { addRep, inboxRequest } from '../support/inbox-client';
import { createTestApp, type TestApp } from '../support/test-app';

// Parallel password guesses (found in review: each guess read the counter, waited for the
// password hash, then wrote n + 1, so 200 guesses at once were all checked and, on PostgreSQL,
// counts were lost). Each attempt is now counted before its password is checked.

const VICTIM = 'victim@demo.example';
const PASSWORD = 'correct-horse-99';
const LIMIT = SIGN_IN_POLICY.lockAfter;

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
  await addRep(t, { email: VICTIM, password: PASSWORD });
});
afterEach(async () => {
  await t.close();
});

const minutes = (n: number) => {
  t.now.value = new Date(t.now.value.getTime() + n * 60_000);
};
const attempt = async (password: string, email = VICTIM) =>
  (await inboxRequest(t, null, 'POST', '/auth/password', { email, password })).status;
const tally = (statuses: number[]) => {
  const counts: Record<number, number> = {};
  for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1;
  return counts;
};

describe('parallel password guesses', () => {
  it('from one address: at most the limit are checked, the rest refused, the lock-out holds', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 200 }, (_, i) => attempt(`guess-${i}`)),
    );
    expect(tally(statuses)).toEqual({ 401: LIMIT, 429: 200 - LIMIT });

    // The right password is refused until the lock-out ends, with the time left.
    const locked = await inboxRequest(t, null, 'POST', '/auth/password', {
      email: VICTIM,
      password: PASSWORD,
    });
    expect(locked.status).toBe(429);
    expect(((await locked.json()) as ErrorBody).error.code).toBe('TOO_MANY_ATTEMPTS');
    const retryAfter = Number(locked.headers.get('Retry-After'));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    minutes(14);
    expect(await attempt(PASSWORD)).toBe(429);
    minutes(2);
    expect(await attempt(PASSWORD)).toBe(200);
  });

  it('for one account from many addresses: at most the limit are checked', async () => {
    const deps = { store: t.store, clock: () => t.now.value, sleep: async () => {} };
    const outcomes = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        passwordSignIn(deps, {
          email: VICTIM,
          password: `guess-${i}`,
          address: `198.51.100.${i}`,
        }).then(
          () => 'signed in',
          (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
        ),
      ),
    );
    expect(tally(outcomes.map((o) => (o === 'INVALID_CREDENTIALS' ? 401 : 429)))).toEqual({
      401: LIMIT,
      429: 120 - LIMIT,
    });
    expect(
      outcomes.filter((o) => o !== 'INVALID_CREDENTIALS' && o !== 'TOO_MANY_ATTEMPTS'),
    ).toEqual([]);
    // Locked for the account from a fresh address too.
    await expect(
      passwordSignIn(deps, { email: VICTIM, password: PASSWORD, address: '203.0.113.9' }),
    ).rejects.toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
  });

  it('with one attempt left before the lock-out, one of 31 parallel attempts is checked', async () => {
    // Nine guesses first: one attempt left before the lock-out.
    for (let i = 0; i < LIMIT - 1; i++) expect(await attempt(`wrong-${i}`)).toBe(401);
    const statuses = await Promise.all([
      attempt(PASSWORD),
      ...Array.from({ length: 30 }, (_, i) => attempt(`guess-${i}`)),
    ]);
    const checked = statuses.filter((s) => s !== 429);
    expect(checked).toHaveLength(1);
  });
});

describe('one attempt after another, as before', () => {
  it('a success is not counted against the address, nor lifts its failures', async () => {
    for (let i = 0; i < LIMIT - 1; i++) expect(await attempt(`wrong-${i}`)).toBe(401);
    // The tenth attempt, right: signed in, and the lock-out it would have set is not set.
    expect(await attempt(PASSWORD)).toBe(200);
    expect(await attempt(PASSWORD)).toBe(200);
    // The address keeps its nine failures: one more (for any account) locks it.
    expect(await attempt('wrong', 'nobody@demo.example')).toBe(401);
    expect(await attempt(PASSWORD)).toBe(429);
  });

  it('failures older than the window are forgotten', async () => {
    for (let i = 0; i < LIMIT - 1; i++) expect(await attempt(`wrong-${i}`)).toBe(401);
    minutes(16);
    for (let i = 0; i < LIMIT; i++) expect(await attempt(`again-${i}`)).toBe(401);
    expect(await attempt(PASSWORD)).toBe(429);
  });
});
