import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { SubmitResult } from '../api';
import { createOutbox } from './outbox';
import { createOutboxStore, type Submission } from './outbox-store';
import { memoryStorage } from './memory-storage';

const submission: Submission = {
  key: 'key-1',
  body: { email: 'anna@example.de', message: 'We need 200 ball valves, DN50, PN40.' },
  since: 0,
};
const created: SubmitResult = { ok: true, created: { id: 'i1', rep: null, token: 'tok_1' } };
const offline: SubmitResult = { ok: false, code: 'NETWORK' };

/** An outbox over memory storage whose send answers from a script (then: no connection). */
function setup(...answers: SubmitResult[]) {
  const storage = memoryStorage();
  const items = storage.items;
  const sent: string[] = [];
  const settled: SubmitResult[] = [];
  const events = new EventTarget();
  const outbox = createOutbox({
    store: createOutboxStore({ site: 'demo', storage: () => storage }),
    send: async ({ key }) => {
      sent.push(key);
      return answers.shift() ?? offline;
    },
    onSettled: (result) => void settled.push(result),
    events,
    // No jitter: the schedule is exactly 5 s, 10 s, 20 s...
    random: () => 0.5,
  });
  return { outbox, items, sent, settled, events };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('createOutbox', () => {
  test('retries after 5 s, then 10 s, until the server answers; then forgets it', async () => {
    const { outbox, items, sent, settled } = setup(offline, created);
    expect(outbox.keep(submission)).toBe(true);
    expect(items.has('liaison:demo:outbox')).toBe(true);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual(['key-1']);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual(['key-1', 'key-1']);
    expect(settled).toEqual([created]);
    expect(items.size).toBe(0);
    expect(outbox.pending()).toBeNull();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(sent).toHaveLength(2);
  });

  test('a tab with nothing kept leaves what another tab kept, and holds its refusal beside it', () => {
    const storage = memoryStorage();
    const tab = () =>
      createOutbox({
        store: createOutboxStore({ site: 'demo', storage: () => storage }),
        send: async () => offline,
        onSettled: () => {},
        events: new EventTarget(),
      });
    const [first, second] = [tab(), tab()];
    first.keep(submission);
    second.drop();
    second.hold({ ...submission, key: 'key-2' }, { code: 'VALIDATION_FAILED' });
    const kept = createOutboxStore({ site: 'demo', storage: () => storage }).read();
    expect(kept.map(({ key, refused }) => ({ key, refused }))).toEqual([
      { key: 'key-1', refused: undefined },
      { key: 'key-2', refused: { code: 'VALIDATION_FAILED' } },
    ]);
  });

  test('an inquiry refused unseen is kept a week from its first try, then forgotten', () => {
    const storage = memoryStorage();
    const store = createOutboxStore({ site: 'demo', storage: () => storage });
    store.write({ ...submission, since: 0, refused: { code: 'VALIDATION_FAILED' } });
    const at = (now: number) =>
      createOutbox({
        store,
        send: async () => offline,
        onSettled: () => {},
        events: new EventTarget(),
        now: () => now,
      });
    expect(at(7 * 24 * 3600 * 1000).restore()?.refused).toEqual({ code: 'VALIDATION_FAILED' });
    expect(at(7 * 24 * 3600 * 1000 + 1).restore()).toBeNull();
    expect(storage.items.size).toBe(0);
  });

  test("one tab's answer leaves what another tab kept since", async () => {
    const storage = memoryStorage();
    const tab = (answer: SubmitResult) =>
      createOutbox({
        store: createOutboxStore({ site: 'demo', storage: () => storage }),
        send: async () => answer,
        onSettled: () => {},
        events: new EventTarget(),
        random: () => 0.5,
      });
    const first = tab(created);
    const second = tab(offline);
    first.keep(submission);
    second.keep({ ...submission, key: 'key-2' });
    await first.retryNow();
    expect(first.pending()).toBeNull();
    const kept = createOutboxStore({ site: 'demo', storage: () => storage }).read();
    expect(kept.map(({ key }) => key)).toEqual(['key-2']);
  });

  test('two tabs that kept an inquiry each, both closed: the next page view sends both', async () => {
    const storage = memoryStorage();
    const sent: string[] = [];
    const settled: string[] = [];
    const tab = (...answers: SubmitResult[]) =>
      createOutbox({
        store: createOutboxStore({ site: 'demo', storage: () => storage }),
        send: async ({ key }) => {
          sent.push(key);
          return answers.shift() ?? offline;
        },
        onSettled: (_result, { key }) => void settled.push(key),
        events: new EventTarget(),
        random: () => 0.5,
      });
    // Offline, the visitor sends from two tabs, then closes both.
    tab().keep(submission);
    tab().keep({ ...submission, key: 'key-2' });
    expect(storage.items.size).toBe(1);
    // Back online, a page view takes up the first to show and sends the other unseen.
    const next = tab(created, created);
    expect(next.restore()?.key).toBe('key-1');
    await vi.advanceTimersByTimeAsync(0);
    expect(sent.sort()).toEqual(['key-1', 'key-2']);
    expect(settled).toEqual(['key-1']);
    expect(storage.items.size).toBe(0);
  });

  test("another tab's inquiry sent unseen: refused, it is held; unanswered, kept", async () => {
    const storage = memoryStorage();
    const store = createOutboxStore({ site: 'demo', storage: () => storage });
    const refusal: SubmitResult = { ok: false, code: 'VALIDATION_FAILED', fields: { email: 'x' } };
    const page = (answers: Record<string, SubmitResult>) =>
      createOutbox({
        store,
        send: async ({ key }) => answers[key] ?? offline,
        onSettled: () => {},
        events: new EventTarget(),
        random: () => 0.5,
        // Within the week a refusal is held.
        now: () => submission.since,
      });
    for (const key of ['key-1', 'key-2', 'key-3']) store.write({ ...submission, key });
    page({ 'key-1': created, 'key-2': refusal }).restore();
    await vi.advanceTimersByTimeAsync(0);
    expect(store.read().map(({ key, refused }) => ({ key, refused }))).toEqual([
      { key: 'key-3', refused: undefined },
      { key: 'key-2', refused: { code: 'VALIDATION_FAILED', fields: { email: 'x' } } },
    ]);
    // The next page view takes up the unanswered one first; the refusal waits its turn.
    expect(page({}).restore()?.key).toBe('key-3');
    await vi.advanceTimersByTimeAsync(0);
    expect(page({ 'key-3': created }).restore()?.key).toBe('key-3');
    await vi.advanceTimersByTimeAsync(0);
    expect(page({}).restore()).toMatchObject({
      key: 'key-2',
      refused: { code: 'VALIDATION_FAILED' },
    });
  });

  test('the server failing keeps it; a refusal (4xx) settles it', async () => {
    const refused: SubmitResult = { ok: false, code: 'VALIDATION_FAILED', fields: { email: 'x' } };
    const { outbox, items, sent, settled } = setup({ ok: false, code: 'INTERNAL' }, refused);
    outbox.keep(submission);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(settled).toEqual([]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sent).toHaveLength(2);
    expect(settled).toEqual([refused]);
    expect(items.size).toBe(0);
  });

  test('coming back online tries at once', async () => {
    const { outbox, sent, settled, events } = setup(created);
    outbox.keep(submission);
    events.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual(['key-1']);
    expect(settled).toEqual([created]);
    // Settled: later `online` events send nothing.
    events.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(1);
  });

  test('Try again during an attempt in flight makes no second request', async () => {
    const { outbox, sent } = setup(created);
    outbox.keep(submission);
    const first = outbox.retryNow();
    const second = outbox.retryNow();
    expect(await first).toBe(false);
    expect(await second).toBe(false);
    expect(sent).toHaveLength(1);
  });

  test('retryNow resolves true while it is still kept', async () => {
    const { outbox } = setup(offline);
    outbox.keep(submission);
    expect(await outbox.retryNow()).toBe(true);
    expect(outbox.pending()).toBe(submission);
  });

  test('restore takes up what an earlier page view kept and sends it at once', async () => {
    const first = setup();
    first.outbox.keep(submission);
    const { outbox, items, sent, settled } = setup(created);
    for (const [key, value] of first.items) items.set(key, value);
    expect(outbox.restore()).toEqual(submission);
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual(['key-1']);
    expect(settled).toEqual([created]);
    expect(items.size).toBe(0);
  });

  test('restore finds nothing, and clears what it cannot read', () => {
    const { outbox, items, sent } = setup();
    expect(outbox.restore()).toBeNull();
    items.set('liaison:demo:outbox', '{"from":"another script"}');
    expect(outbox.restore()).toBeNull();
    expect(items.size).toBe(0);
    expect(sent).toEqual([]);
  });

  test('a dropped submission is neither retried nor settled', async () => {
    const { outbox, items, sent, settled } = setup(created);
    outbox.keep(submission);
    const inFlight = outbox.retryNow();
    outbox.drop();
    expect(items.size).toBe(0);
    expect(await inFlight).toBe(false);
    expect(settled).toEqual([]);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(sent).toHaveLength(1);
  });

  test('storage that refuses keeps nothing and schedules nothing', async () => {
    let sends = 0;
    const outbox = createOutbox({
      store: createOutboxStore({
        site: 'demo',
        storage: () => {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      }),
      send: async () => {
        sends++;
        return offline;
      },
      onSettled: () => undefined,
      events: new EventTarget(),
    });
    expect(outbox.keep(submission)).toBe(false);
    expect(outbox.pending()).toBeNull();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(sends).toBe(0);
  });
});
