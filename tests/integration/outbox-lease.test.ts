import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboxWorker, PermanentDeliveryError } from '../../server/domain/outbox';
import type { Delivery } from '../../server/storage/store';
import { enqueueOne } from '../support/one-delivery';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// A delivery whose handler outlasts its lease is taken over by another worker: the first
// one's late outcome is not recorded, and a failure it could not record is not reported
// (an admin notice of "undelivered" for a row another worker still owns).

let t: TestDatabase;
const ENQUEUED = '2026-11-29T08:00:00.000Z';

beforeEach(async () => {
  t = await createTestDatabase();
  await enqueueOne(t.store, { id: 'd-0', kind: 'slow', at: new Date(ENQUEUED) });
});
afterEach(async () => {
  await t.close();
});

describe('a delivery taken over after its lease lapsed', () => {
  it("reports no failure of the worker that lost it, and keeps the other's lease", async () => {
    const now = { value: new Date('2026-11-29T08:00:01.000Z') };
    const reported: string[] = [];
    const other = createOutboxWorker({
      store: t.store,
      handlers: { slow: async () => new Promise<void>(() => {}) },
      clock: () => now.value,
      leaseMs: 1000,
    });
    const first = createOutboxWorker({
      store: t.store,
      clock: () => now.value,
      leaseMs: 1000,
      handlers: {
        slow: async (delivery: Delivery) => {
          // The lease lapses; another worker takes the row over, then this send fails for good.
          now.value = new Date(now.value.getTime() + 5000);
          void other.runOnce();
          await expect
            .poll(async () => (await t.store.findDelivery(delivery.id))?.attempts)
            .toBe(2);
          throw new PermanentDeliveryError('mailbox unavailable');
        },
      },
      onFailed: async (delivery) => {
        reported.push(delivery.id);
      },
    });
    const [result] = await first.runOnce();
    expect(result).toMatchObject({ id: 'd-0', outcome: 'failed' });
    expect(reported).toEqual([]);
    expect(await t.store.findDelivery('d-0')).toMatchObject({ state: 'pending', attempts: 2 });
  });
});
