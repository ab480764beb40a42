import { createHash } from 'node:crypto';
import type { Store } from '../storage/store';
import { DomainError } from './errors';

/** A limit: at most `limit` requests per `windowMs` for one key. */
export interface Limit {
  limit: number;
  windowMs: number;
}

/** Allowed, or refused with the milliseconds until the window ends. */
export type RateVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Counts a request against a fixed window kept in the database (so every server process shares
 * it). Keys are hashed: a client address is never stored as such.
 */
const hashedKey = (key: string) =>
  `rate:${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
const windowStart = (now: Date, windowMs: number) =>
  new Date(Math.floor(now.getTime() / windowMs) * windowMs).toISOString();

/**
 * How many requests `key` has made in the current window, without counting one. A later
 * window stored by a process whose clock is a little ahead counts as the current one, as
 * Store.countHit counts into it.
 */
export async function peek(
  store: Store,
  key: string,
  windowMs: number,
  now: Date,
): Promise<number> {
  const current = await store.findThrottle(hashedKey(key));
  return current && current.windowStart >= windowStart(now, windowMs) ? current.failures : 0;
}

export async function hit(
  store: Store,
  key: string,
  { limit, windowMs }: Limit,
  now: Date,
): Promise<RateVerdict> {
  const hashed = hashedKey(key);
  const start = windowStart(now, windowMs);
  const counted = await store.countHit(hashed, start);
  if (counted.count > limit) {
    // Until the end of the window it was counted in, which may be a later one than this
    // process's clock says (another process's, a little ahead).
    const end = Date.parse(counted.windowStart) + windowMs;
    return { allowed: false, retryAfterMs: end - now.getTime() };
  }
  return { allowed: true };
}

const MINUTE = 60_000;

/**
 * Counts a request against each `[key, most]` limit of a minute; the first one exceeded
 * refuses it (429 with Retry-After) with `message`. Limits a person never meets: a flood is
 * refused before anything is stored.
 */
export async function withinMinuteLimits(
  store: Store,
  limits: ReadonlyArray<readonly [key: string, most: number]>,
  now: Date,
  message: string,
): Promise<void> {
  for (const [key, most] of limits) {
    const verdict = await hit(store, key, { limit: most, windowMs: MINUTE }, now);
    if (!verdict.allowed) {
      throw new DomainError(
        'TOO_MANY_ATTEMPTS',
        message,
        undefined,
        Math.ceil(verdict.retryAfterMs / 1000),
      );
    }
  }
}
