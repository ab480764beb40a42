import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboxWorker, PermanentDeliveryError } from '../../server/domain/outbox';
import { migrateTo, migrateToLatest } from '../../server/storage/migrate';
import type { Delivery, NewDelivery } from '../../server/storage/store';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// Lanes: a webhook's deliveries go in order, one at a time, and wait together while its
// receiver fails, while other receivers' deliveries go on beside them.

let t: TestDatabase;
const ENQUEUED = '2026-11-29T08:00:00.000Z';
const NOW = new Date('2026-11-29T08:00:01.000Z');

beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.close();
});

/** `count` deliveries in `lane`, ids `<lane>-<n>` (sorting in order), enqueued together. */
const inLane = (lane: string | undefined, count: number, name = lane ?? 'own'): NewDelivery[] =>
  Array.from({ length: count }, (_, n) => ({
    id: `${name}-${n}`,
    kind: 'hook',
    siteId: 'site-1',
    inquiryId: null,
    payload: { n },
    dedupeKey: `hook:${name}:${n}`,
    ...(lane ? { lane } : {}),
  }));

const workerOn = (handler: (d: Delivery) => Promise<void>, concurrency = 4) =>
  createOutboxWorker({
    store: t.store,
    handlers: { hook: handler },
    clock: () => NOW,
    random: () => 0,
    concurrency,
  });

describe('outbox lanes', () => {
  it('holds a failing lane behind its first row, uncounted, and sends the others', async () => {
    await t.store.enqueue([...inLane('down', 3), ...inLane('up', 2)], ENQUEUED);
    const tried: string[] = [];
    const worker = workerOn(async (d) => {
      tried.push(d.id);
      if (d.lane === 'down') throw new Error('the receiver answered 503');
    });

    const results = await worker.runOnce();

    // One call to the failing receiver, not one (and one timeout) per delivery.
    expect(tried.filter((id) => id.startsWith('down'))).toEqual(['down-0']);
    expect(tried.filter((id) => id.startsWith('up'))).toEqual(['up-0', 'up-1']);
    const retry = results.find((r) => r.id === 'down-0');
    if (retry?.outcome !== 'retry') throw new Error(`down-0: ${retry?.outcome}`);
    for (const id of ['down-1', 'down-2']) {
      expect(await t.store.findDelivery(id)).toMatchObject({ state: 'pending', attempts: 0 });
    }
    // A row made meanwhile waits behind them too; at the retry the lane goes on, first first.
    await t.store.enqueue(inLane('down', 1, 'down-later'), NOW.toISOString());
    const later = new Date(NOW.getTime() + 1000).toISOString();
    expect((await t.store.dueDeliveries(later, 10)).map((d) => d.id)).toEqual([]);
    expect((await t.store.dueDeliveries(retry.retryAt, 10)).map((d) => d.id)).toEqual(['down-0']);
    // The receiver is back.
    tried.length = 0;
    await createOutboxWorker({
      store: t.store,
      handlers: { hook: async (d) => void tried.push(d.id) },
      clock: () => new Date(retry.retryAt),
    }).runOnce();
    expect(tried).toEqual(['down-0', 'down-1', 'down-2', 'down-later-0']);
  });

  it("sends other lanes while one receiver's call hangs", async () => {
    await t.store.enqueue([...inLane('hung', 2), ...inLane('up', 3)], ENQUEUED);
    const sent: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const worker = workerOn(async (d) => {
      if (d.lane === 'hung') await held;
      sent.push(d.id);
    });

    const run = worker.runOnce();
    // One worker sending one row at a time sent nothing while the first call hung.
    await expect.poll(() => sent, { timeout: 5_000 }).toEqual(['up-0', 'up-1', 'up-2']);
    release();
    await run;
    expect(sent).toEqual(['up-0', 'up-1', 'up-2', 'hung-0', 'hung-1']);
  });

  it('sends a lane one row at a time, in order, across workers; rows of no lane side by side', async () => {
    await t.store.enqueue([...inLane('one', 3), ...inLane(undefined, 2)], ENQUEUED);
    const events: string[] = [];
    let open = 0;
    let most = 0;
    const handler = async (d: Delivery) => {
      events.push(`start ${d.id}`);
      open++;
      most = Math.max(most, open);
      await new Promise((resolve) => setTimeout(resolve, 20));
      open--;
      events.push(`end ${d.id}`);
    };

    // Two workers, as two processes would run them.
    await Promise.all([workerOn(handler).runOnce(), workerOn(handler).runOnce()]);

    const lane = events.filter((e) => e.includes('one-'));
    expect(lane).toEqual([
      'start one-0',
      'end one-0',
      'start one-1',
      'end one-1',
      'start one-2',
      'end one-2',
    ]);
    // The lane and the two rows of none (each a lane of its own) went at once.
    expect(most).toBe(3);
  });

  it('retries a row that comes due again while the run goes on beside a hung call', async () => {
    await t.store.enqueue([...inLane('hung', 1), ...inLane('flaky', 2)], ENQUEUED);
    let now = NOW.getTime();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const sent: string[] = [];
    let failedOnce = false;
    const worker = createOutboxWorker({
      store: t.store,
      clock: () => new Date(now),
      random: () => 0,
      pollMs: 10,
      concurrency: 4,
      handlers: {
        hook: async (d) => {
          if (d.lane === 'hung') await held;
          if (d.id === 'flaky-0' && !failedOnce) {
            failedOnce = true;
            throw new Error('the receiver answered 503');
          }
          sent.push(d.id);
        },
      },
    });

    const run = worker.runOnce();
    // Its retry is 5 s away: the clock is moved past it.
    await expect.poll(() => failedOnce).toBe(true);
    now += 60_000;
    // Taken for a row begun already, the retried one waited for the hung call's end (10 s).
    await expect.poll(() => sent, { timeout: 5_000 }).toEqual(['flaky-0', 'flaky-1']);
    release();
    await run;
  });

  it('ends a run whose rows were all taken by another worker, not reading them again', async () => {
    await t.store.enqueue(inLane('one', 1), ENQUEUED);
    let reads = 0;
    const store = Object.create(t.store) as typeof t.store;
    store.dueDeliveries = (...args) => (reads++, t.store.dueDeliveries(...args));
    // As on PostgreSQL while another transaction holds the row: skipped, and still due.
    store.claimDelivery = async () => false;
    const worker = createOutboxWorker({
      store,
      handlers: { hook: async () => {} },
      clock: () => NOW,
    });

    expect((await worker.runOnce()).map((r) => r.outcome)).toEqual(['taken']);
    expect(reads).toBe(1);
  });

  it('gives up on the rows waiting behind a row given up on after its last attempt', async () => {
    await t.store.enqueue([...inLane('dead', 3), ...inLane('gone', 2)], ENQUEUED);
    const reported: string[] = [];
    const worker = createOutboxWorker({
      store: t.store,
      clock: () => NOW,
      maxAttempts: 1,
      handlers: {
        hook: async (d) => {
          if (d.lane === 'dead') throw new Error('connect ECONNREFUSED');
          // A refusal of this one row (a 4xx) says nothing of the rows behind it.
          throw new PermanentDeliveryError('the receiver answered 400');
        },
      },
      onFailed: async (d) => void reported.push(d.id),
    });

    // The second run takes what the first one's failures let come due.
    await worker.runOnce();
    await worker.runOnce();

    expect(reported.sort()).toEqual(['dead-0', 'gone-0', 'gone-1']);
    for (const id of ['dead-1', 'dead-2']) {
      const row = await t.store.findDelivery(id);
      expect(row).toMatchObject({ state: 'failed', attempts: 0 });
      expect(row?.lastError).toContain('dead-0');
    }
  });

  it('gives pending webhook rows of an earlier release their lane (migration 0022)', async () => {
    await migrateTo(t.db, '0021-first-reply-rep');
    const row = (id: string, state: string, payload: object) => ({
      id,
      kind: 'webhook',
      payload: JSON.stringify(payload),
      dedupe_key: `webhook:${id}`,
      state,
      next_attempt_at: ENQUEUED,
      created_at: ENQUEUED,
    });
    const rows = [
      row('w-pending', 'pending', { webhookId: 'wh-1', event: {} }),
      row('w-sent', 'sent', { webhookId: 'wh-1', event: {} }),
      row('w-test', 'pending', { webhookId: 'wh-1', test: true, event: {} }),
      { ...row('mail', 'pending', { inquiryId: 'i-1' }), kind: 'rep-notification' },
    ];
    for (const r of rows) {
      await sql`insert into deliveries (id, kind, payload, dedupe_key, state, next_attempt_at,
        created_at) values (${r.id}, ${r.kind}, ${r.payload}, ${r.dedupe_key}, ${r.state},
        ${r.next_attempt_at}, ${r.created_at})`.execute(t.db);
    }
    await migrateToLatest(t.db);
    expect(await t.store.findDelivery('w-pending')).toMatchObject({ lane: 'webhook:wh-1' });
    expect(await t.store.findDelivery('w-sent')).toMatchObject({ lane: null });
    expect(await t.store.findDelivery('w-test')).toMatchObject({ lane: null });
    expect(await t.store.findDelivery('mail')).toMatchObject({ lane: null });
  });
});
