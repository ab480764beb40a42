import { createHash } from 'node:crypto';
import type { Store, Throttle } from '../storage/store';

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

/** What to do with an attempt: go ahead after `delayMs`, or refuse for `retryAfterMs`. */
export type ThrottleVerdict = { delayMs: number } | { retryAfterMs: number };

/** Judges an attempt by the worst of its keys (e.g. the client address and the account). */
export async function checkThrottle(
  store: Store,
  keys: string[],
  now: Date,
  policy: ThrottlePolicy = SIGN_IN_POLICY,
): Promise<ThrottleVerdict> {
  let delayMs = 0;
  for (const key of keys) {
    const t = current(await store.findThrottle(stored(key)), now, policy);
    if (t.lockedUntil && t.lockedUntil > now.toISOString()) {
      return { retryAfterMs: Date.parse(t.lockedUntil) - now.getTime() };
    }
    delayMs = Math.max(delayMs, Math.max(0, t.failures - policy.slowAfter + 1) * policy.stepMs);
  }
  return { delayMs: Math.min(delayMs, 5_000) };
}

/** Counts a failed attempt against every key, locking those that reach the limit. */
export async function recordFailure(
  store: Store,
  keys: string[],
  now: Date,
  policy: ThrottlePolicy = SIGN_IN_POLICY,
): Promise<void> {
  for (const key of keys) {
    const t = current(await store.findThrottle(stored(key)), now, policy);
    const failures = t.failures + 1;
    await store.saveThrottle(stored(key), {
      failures,
      windowStart: t.windowStart,
      lockedUntil:
        failures >= policy.lockAfter
          ? new Date(now.getTime() + policy.lockMs).toISOString()
          : t.lockedUntil,
    });
  }
}

// A window that has passed (and its lock) no longer counts.
function current(t: Throttle | null, now: Date, policy: ThrottlePolicy): Throttle {
  const fresh = { failures: 0, windowStart: now.toISOString(), lockedUntil: null };
  if (!t) return fresh;
  const windowOver = Date.parse(t.windowStart) + policy.windowMs <= now.getTime();
  const lockOver = !t.lockedUntil || t.lockedUntil <= now.toISOString();
  return windowOver && lockOver ? fresh : t;
}

/** Forgets the failures counted against `key` (after a successful sign-in). */
export async function clearFailures(store: Store, key: string): Promise<void> {
  await store.clearThrottle(stored(key));
}
