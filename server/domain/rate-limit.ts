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
export async function hit(
  store: Store,
  key: string,
  { limit, windowMs }: Limit,
  now: Date,
): Promise<RateVerdict> {
  const hashed = `rate:${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
  const start = new Date(Math.floor(now.getTime() / windowMs) * windowMs).toISOString();
  const count = await store.countHit(hashed, start);
  if (count > limit) {
    return { allowed: false, retryAfterMs: Date.parse(start) + windowMs - now.getTime() };
  }
  return { allowed: true };
}
