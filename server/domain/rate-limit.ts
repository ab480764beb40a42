import { createHash } from 'node:crypto';
import type { Store } from '../storage/store';

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

/** How many requests `key` has made in the current window, without counting one. */
export async function peek(
  store: Store,
  key: string,
  windowMs: number,
  now: Date,
): Promise<number> {
  const current = await store.findThrottle(hashedKey(key));
  return current && current.windowStart === windowStart(now, windowMs) ? current.failures : 0;
}

export async function hit(
  store: Store,
  key: string,
  { limit, windowMs }: Limit,
  now: Date,
): Promise<RateVerdict> {
  const hashed = hashedKey(key);
  const start = windowStart(now, windowMs);
  const count = await store.countHit(hashed, start);
  if (count > limit) {
    return { allowed: false, retryAfterMs: Date.parse(start) + windowMs - now.getTime() };
  }
  return { allowed: true };
}
