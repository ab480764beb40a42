import { expect, test } from 'vitest';
import { retryDelay } from './backoff';

test('without jitter: 5 s doubling, capped at 5 min', () => {
  const middle = () => 0.5;
  expect([0, 1, 2, 3, 4, 5, 6, 7, 30].map((n) => retryDelay(n, middle))).toEqual([
    5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000,
  ]);
});

test('jitter stays within ±20% and never passes the cap', () => {
  expect(retryDelay(0, () => 0)).toBe(4_000);
  expect(retryDelay(0, () => 1)).toBe(6_000);
  expect(retryDelay(2, () => 0.999)).toBeLessThanOrEqual(24_000);
  expect(retryDelay(10, () => 1)).toBe(300_000);
  expect(retryDelay(10, () => 0)).toBe(240_000);
});
