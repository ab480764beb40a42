import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboxWorker, type OutboxWorker } from '../../server/domain/outbox';
import type { Delivery } from '../../server/storage/store';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// Shutdown: a worker told to stop finishes the delivery in hand and starts no other, so a
// batch of slow sends (SMTP down) cannot hold the process up past its grace period.

let t: TestDatabase;
let worker: OutboxWorker | undefined;
const ENQUEUED = '2026-11-29T08:00:00.000Z';
const NOW = new Date('2026-11-29T08:00:01.000Z');
const ids = ['d-0', 'd-1', 'd-2', 'd-3'];

beforeEach(async () => {
  t = await createTestDatabase();
  await t.store.enqueue(
    ids.map((id, i) => ({
      id,
      kind: 'slow',
      siteId: 'site-1',
      inquiryId: null,
      payload: { n: i },
      dedupeKey: `slow:${i}`,
    })),
    ENQUEUED,
  );
});
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  await t.close();
});

/** A handler that holds its first delivery until `release` is called. */
function slowHandler() {
  const handled: string[] = [];
  let entered!: () => void;
  let release!: () => void;
  const first = new Promise<void>((resolve) => (entered = resolve));
  const held = new Promise<void>((resolve) => (release = resolve));
  const handler = async (delivery: Delivery) => {
    handled.push(delivery.id);
    if (handled.length === 1) {
      entered();
      await held;
    }
  };
  return { handled, first, release: () => release(), handler };
}

/** A worker on `slowHandler`, stopped while it handles its first delivery; both. */
async function stoppedDuringFirst() {
  const slow = slowHandler();
  const stopped = createOutboxWorker({
    store: t.store,
    handlers: { slow: slow.handler },
    clock: () => NOW,
    pollMs: 5,
  });
  worker = stopped;
  stopped.start();
  await slow.first;
  const stopping = stopped.stop();
  slow.release();
  await stopping;
  return { slow, stopped };
}

describe('stopping the outbox worker', () => {
  it('finishes the delivery in hand and leaves the rest of its batch due, unclaimed', async () => {
    const { slow } = await stoppedDuringFirst();

    expect(slow.handled).toHaveLength(1);
    const [inHand] = slow.handled;
    expect(await t.store.findDelivery(inHand!)).toMatchObject({ state: 'sent', attempts: 1 });
    // The others were never claimed: no attempt counted, no lease, due to any worker now.
    const due = await t.store.dueDeliveries(NOW.toISOString(), 10);
    expect(due.map((d) => d.id).sort()).toEqual(ids.filter((id) => id !== inHand));
    for (const d of due) expect(d).toMatchObject({ attempts: 0, nextAttemptAt: ENQUEUED });
  });

  it('delivers the rest once started again', async () => {
    const { slow, stopped } = await stoppedDuringFirst();

    stopped.start();
    await expect.poll(() => slow.handled.length, { timeout: 5_000 }).toBe(ids.length);
    await stopped.stop();
    expect(slow.handled.sort()).toEqual(ids);
    expect(await t.store.countDeliveries('sent')).toBe(ids.length);
  });
});
