import { describe, expect, test } from 'vitest';
import { createOutboxStore, type Submission } from './outbox-store';
import { memoryStorage } from './memory-storage';

const submission: Submission = {
  key: '6f1c2f4e-8d8a-4d6b-9a55-0f3e2b7c1d90',
  body: {
    email: 'anna@example.de',
    message: 'We need 200 ball valves, DN50, PN40.',
    quantity: 200,
    unit: 'pieces',
    product: { name: 'Ball Valve', sku: 'BV-50' },
    client: { elapsedMs: 42_000 },
  },
  since: 1_767_225_600_000,
};

describe('createOutboxStore', () => {
  test('keeps one submission per site, under its own key, until cleared', () => {
    const storage = memoryStorage();
    const demo = createOutboxStore({ site: 'demo', storage: () => storage });
    const other = createOutboxStore({ site: 'other', storage: () => storage });
    expect(demo.read()).toBeNull();
    expect(storage.items.size).toBe(0);
    expect(demo.write(submission)).toBe(true);
    expect([...storage.items.keys()]).toEqual(['liaison:demo:outbox']);
    expect(demo.read()).toEqual(submission);
    expect(other.read()).toBeNull();
    demo.clear();
    expect(demo.read()).toBeNull();
    expect(storage.items.size).toBe(0);
  });

  test('what cannot be read back as a submission reads as nothing', () => {
    const storage = memoryStorage();
    const store = createOutboxStore({ site: 'demo', storage: () => storage });
    for (const junk of [
      'not json',
      '42',
      '{"key":"k"}',
      JSON.stringify({ ...submission, key: '' }),
    ]) {
      storage.items.set('liaison:demo:outbox', junk);
      expect(store.read(), junk).toBeNull();
    }
  });

  test('blocked storage keeps nothing and says so', () => {
    const store = createOutboxStore({
      site: 'demo',
      storage: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    expect(store.write(submission)).toBe(false);
    expect(store.read()).toBeNull();
    store.clear();
  });

  test('full storage refuses the write, and the store says so', () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    };
    const store = createOutboxStore({ site: 'demo', storage: () => storage });
    expect(store.write(submission)).toBe(false);
    expect(store.read()).toBeNull();
  });
});
