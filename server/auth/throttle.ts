import { createHash } from 'node:crypto';
import type { Store } from '../storage/store';

// Keys name a client address or an account: only their hash is stored.
const stored = (key: string) =>
  `signin:${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;

/** How repeated failed sign-ins are slowed, then refused. */
export interface ThrottlePolicy {
  windowMs: number;
  /** Failures in a window after which each attempt waits `stepMs` more. */
  slowAfter: number;
  stepMs: number;
  /** Failures in a window after which attempts are refused for `lockMs`. */
  lockAfter: number;
  lockMs: number;
}

export const SIGN_IN_POLICY: ThrottlePolicy = {
  windowMs: 15 * 60_000,
  slowAfter: 3,
  stepMs: 1_000,
  lockAfter: 10,
  lockMs: 15 * 60_000,
};

/** A key's counter as an admitted attempt left it, to take the attempt back on success. */
export interface CountedKey {
  key: string;
  windowStart: string;
}

/**
 * What to do with an attempt, already counted: go ahead after `delayMs` (`counted` names the
 * counters it is in), or refuse for `retryAfterMs` (it is then in none but the refusing one).
 */
export type ThrottleVerdict = { delayMs: number; counted: CountedKey[] } | { retryAfterMs: number };

/**
 * Counts an attempt against each of its keys (e.g. the client address and the account) before
 * it is checked, and judges it by the worst: the count is taken in one statement per key, so
 * attempts made at the same moment are counted one after the other and at most `lockAfter`
 * of them are ever checked in a window. The attempt that reaches `lockAfter` sets the
 * lock-out, `lockMs` from then; attempts past it are refused until it ends.
 */
export async function countAttempt(
  store: Store,
  keys: string[],
  now: Date,
  policy: ThrottlePolicy = SIGN_IN_POLICY,
): Promise<ThrottleVerdict> {
  const count = {
    now: now.toISOString(),
    staleBefore: new Date(now.getTime() - policy.windowMs).toISOString(),
    lockAt: policy.lockAfter,
    lockedUntil: new Date(now.getTime() + policy.lockMs).toISOString(),
  };
  const counted: CountedKey[] = [];
  let delayMs = 0;
  for (const key of keys) {
    const t = await store.countAttempt(stored(key), count);
    if (t.failures > policy.lockAfter) {
      // Never checked: taken back from the keys that counted it before this one refused it.
      await uncount(store, counted, policy);
      const until =
        t.lockedUntil && t.lockedUntil > count.now
          ? Date.parse(t.lockedUntil)
          : Date.parse(t.windowStart) + policy.windowMs;
      return { retryAfterMs: Math.max(1000, until - now.getTime()) };
    }
    counted.push({ key, windowStart: t.windowStart });
    // This attempt is in the count: the failures before it are one fewer.
    delayMs = Math.max(delayMs, Math.max(0, t.failures - policy.slowAfter) * policy.stepMs);
  }
  return { delayMs: Math.min(delayMs, 5_000), counted };
}

/**
 * After a successful attempt: the counters of `clear` are forgotten (the account's), and the
 * attempt is taken back from the others (the address's), which count only failures.
 */
export async function attemptSucceeded(
  store: Store,
  counted: CountedKey[],
  clear: string,
  policy: ThrottlePolicy = SIGN_IN_POLICY,
): Promise<void> {
  await clearFailures(store, clear);
  await uncount(
    store,
    counted.filter((c) => c.key !== clear),
    policy,
  );
}

async function uncount(store: Store, counted: CountedKey[], policy: ThrottlePolicy) {
  for (const { key, windowStart } of counted) {
    await store.uncountAttempt(stored(key), windowStart, policy.lockAfter);
  }
}

/** Forgets the failures counted against `key` (after a successful sign-in). */
export async function clearFailures(store: Store, key: string): Promise<void> {
  await store.clearThrottle(stored(key));
}
