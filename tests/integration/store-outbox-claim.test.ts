import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type OpenedStore } from '../../server/storage/open-store';
import type { Store } from '../../server/storage/store';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// Outbox claims as several processes make them: each on its own connection pool, each
// reading the same due rows and claiming them one by one, as createOutboxWorker does.

let t: TestDatabase;
let others: OpenedStore[];
const NOW = '2026-11-29T08:00:00.000Z';
const LEASE = '2026-11-29T08:02:00.000Z';
const ids = (n: number) => Array.from({ length: n }, (_, i) => `d-${String(i).padStart(3, '0')}`);

beforeEach(async () => {
  t = await createTestDatabase();
  others = [openStore(t.config), openStore(t.config), openStore(t.config)];
});
afterEach(async () => {
  for (const o of others) await o.db.destroy();
  await t.close();
});

async function enqueue(n: number) {
  const deliveries = ids(n).map((id, i) => ({
    id,
    kind: 'test',
    siteId: 'site-1',
    inquiryId: null,
    payload: { n: i },
    dedupeKey: `test:${i}`,
  }));
  await t.store.enqueue(deliveries, NOW);
}

async function claimAllDue(store: Store, now = NOW, lease = LEASE): Promise<string[]> {
  const mine: string[] = [];
  for (const d of await store.dueDeliveries(now, 100)) {
    if (await store.claimDelivery(d, lease)) mine.push(d.id);
  }
  return mine;
}

describe(`claiming outbox rows`, () => {
  it('gives every due row to exactly one of several racing claimers', async () => {
    await enqueue(60);
    const stores = [t.store, ...others.map((o) => o.store)];
    const claimed = await Promise.all(stores.map((s) => claimAllDue(s)));
    expect(claimed.flat().sort()).toEqual(ids(60));
    const rows = await t.store.dueDeliveries(LEASE, 100);
    expect(rows.map((r) => r.attempts)).toEqual(ids(60).map(() => 1));
  });

  it('hands a row out again once its lease has lapsed (its sender died)', async () => {
    await enqueue(1);
    expect(await claimAllDue(t.store)).toEqual(['d-000']);
    expect(await claimAllDue(others[0]!.store)).toEqual([]);
    const later = '2026-11-29T08:04:00.000Z';
    expect(await claimAllDue(others[1]!.store, LEASE, later)).toEqual(['d-000']);
    expect(await t.store.findDelivery('d-000')).toMatchObject({
      attempts: 2,
      nextAttemptAt: later,
    });
  });

  it('never hands out a sent or failed row', async () => {
    await enqueue(2);
    await t.store.markDeliverySent('d-000', NOW);
    await t.store.markDeliveryAttemptFailed('d-001', NOW, 'bounced', null);
    expect(await claimAllDue(t.store, '9999', '9999')).toEqual([]);
  });

  it('takes a failed attempt from the worker whose lease it is, not from one whose lapsed', async () => {
    await enqueue(1);
    expect(await claimAllDue(t.store)).toEqual(['d-000']);
    // The first worker's send outlasts its lease; another worker takes the row over.
    const later = '2026-11-29T08:04:00.000Z';
    expect(await claimAllDue(others[0]!.store, LEASE, later)).toEqual(['d-000']);
    // The first worker's late failure must not move the second's lease or fail the row.
    await t.store.markDeliveryAttemptFailed('d-000', LEASE, 'timed out', null);
    await t.store.markDeliveryAttemptFailed(
      'd-000',
      LEASE,
      'timed out',
      '2026-11-29T08:05:00.000Z',
    );
    expect(await t.store.findDelivery('d-000')).toMatchObject({
      state: 'pending',
      nextAttemptAt: later,
      lastError: null,
    });
    // The second worker's own outcome is recorded.
    await others[0]!.store.markDeliveryAttemptFailed('d-000', later, 'bounced', null);
    expect(await t.store.findDelivery('d-000')).toMatchObject({
      state: 'failed',
      lastError: 'bounced',
    });
  });
});
