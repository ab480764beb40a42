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
  test('keeps submissions per site, under its own key, until cleared', () => {
    const storage = memoryStorage();
    const demo = createOutboxStore({ site: 'demo', storage: () => storage });
    const other = createOutboxStore({ site: 'other', storage: () => storage });
    expect(demo.read()).toEqual([]);
    expect(storage.items.size).toBe(0);
    expect(demo.write(submission)).toBe(true);
    expect([...storage.items.keys()]).toEqual(['liaison:demo:outbox']);
    expect(demo.read()).toEqual([submission]);
    expect(other.read()).toEqual([]);
    demo.clear();
    expect(demo.read()).toEqual([]);
    expect(storage.items.size).toBe(0);
  });

  test("keeps each tab's submission beside the others, and forgets one by its key", () => {
    const storage = memoryStorage();
    // Two tabs: each with its own store over the same storage.
    const [first, second] = [0, 1].map(() =>
      createOutboxStore({ site: 'demo', storage: () => storage }),
    );
    const later = { ...submission, key: 'second-tab', since: submission.since + 1 };
    first?.write(submission);
    second?.write(later);
    expect(first?.read()).toEqual([submission, later]);
    // Written again (held with its refusal): in place of itself, not beside.
    const refused = { ...submission, refused: { code: 'VALIDATION_FAILED' as const } };
    first?.write(refused);
    expect(second?.read()).toEqual([later, refused]);
    second?.clear('second-tab');
    expect(first?.read()).toEqual([refused]);
    first?.clear(submission.key);
    expect(storage.items.size).toBe(0);
  });

  test("reads an earlier release's single submission as a list of it", () => {
    const storage = memoryStorage();
    storage.items.set('liaison:demo:outbox', JSON.stringify(submission));
    const store = createOutboxStore({ site: 'demo', storage: () => storage });
    expect(store.read()).toEqual([submission]);
    store.write({ ...submission, key: 'new' });
    expect(store.read().map((kept) => kept.key)).toEqual([submission.key, 'new']);
  });

  test('what cannot be read back as a submission reads as nothing', () => {
    const storage = memoryStorage();
    const store = createOutboxStore({ site: 'demo', storage: () => storage });
    for (const junk of [
      'not json',
      '42',
      '{"key":"k"}',
      JSON.stringify({ ...submission, key: '' }),
      '[null, 7, {"key":"k"}]',
    ]) {
      storage.items.set('liaison:demo:outbox', junk);
      expect(store.read(), junk).toEqual([]);
    }
    // Beside a readable one, what cannot be read is skipped.
    storage.items.set('liaison:demo:outbox', JSON.stringify([{ key: 'k' }, submission]));
    expect(store.read()).toEqual([submission]);
  });

  test('blocked storage keeps nothing and says so', () => {
    const store = createOutboxStore({
      site: 'demo',
      storage: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    expect(store.write(submission)).toBe(false);
    expect(store.read()).toEqual([]);
    store.clear();
  });

  test('full storage refuses the write, and the store says so', () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    };
    const store = createOutboxStore({ site: 'demo', storage: () => storage });
    expect(store.write(submission)).toBe(false);
    expect(store.read()).toEqual([]);
  });
});
