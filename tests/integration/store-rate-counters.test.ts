import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hit, peek } from '../../server/domain/rate-limit';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// Rate-limit counters (Store.countHit) on one database shared by processes whose clocks
// differ a little: a request counted by a process still in the previous minute must not
// start the window over for the others.

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.close();
});

const minute = (m: number) => `2026-11-29T08:0${m}:00.000Z`;

describe('countHit', () => {
  it('counts hits of a window, and starts over in a later one', async () => {
    const { store } = db;
    expect((await store.countHit('k', minute(1))).count).toBe(1);
    expect((await store.countHit('k', minute(1))).count).toBe(2);
    expect((await store.countHit('k', minute(2))).count).toBe(1);
  });

  it('counts a hit from a clock still in the previous window into the current one', async () => {
    const { store } = db;
    expect((await store.countHit('k', minute(1))).count).toBe(1);
    expect((await store.countHit('k', minute(1))).count).toBe(2);
    // Another process, a second behind, is still in minute 0.
    expect((await store.countHit('k', minute(0))).count).toBe(3);
    expect((await store.countHit('k', minute(1))).count).toBe(4);
    expect((await store.countHit('k', minute(0))).count).toBe(5);
  });

  it('peeks at the count a process whose clock is ahead has started', async () => {
    const { store } = db;
    const limit = { limit: 10, windowMs: 60_000 };
    const ahead = new Date(Date.parse(minute(1)) + 500);
    const behind = new Date(Date.parse(minute(1)) - 500);
    await hit(store, 'k', limit, ahead);
    await hit(store, 'k', limit, ahead);
    expect(await peek(store, 'k', 60_000, ahead)).toBe(2);
    expect(await peek(store, 'k', 60_000, behind)).toBe(2);
  });

  it('tells a refused request to wait for the end of the window it was counted in', async () => {
    const { store } = db;
    const limit = { limit: 1, windowMs: 60_000 };
    // A process a second ahead has begun minute 1; this one is still at 0:59.5.
    await hit(store, 'k', limit, new Date(Date.parse(minute(1)) + 500));
    const verdict = await hit(store, 'k', limit, new Date(Date.parse(minute(1)) - 500));
    expect(verdict).toEqual({ allowed: false, retryAfterMs: 60_500 });
  });
});
