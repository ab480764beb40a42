import { expect, test } from 'vitest';
import { newIdempotencyKey } from './idempotency-key';

test('a random UUID, different each time', () => {
  const key = newIdempotencyKey();
  expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(newIdempotencyKey()).not.toBe(key);
});

test('without randomUUID (a page on plain http): 32 random hex digits', () => {
  const key = newIdempotencyKey({ getRandomValues: crypto.getRandomValues.bind(crypto) });
  expect(key).toMatch(/^[0-9a-f]{32}$/);
});
