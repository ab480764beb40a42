import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/demo-seed';
import { openStore, type OpenedStore } from '../../server/storage/open-store';
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from '../support/test-database';

// Several server processes started at once on one empty database, as their stores see it:
// each on its own connections. Only on PostgreSQL, the engine for several processes: SQLite's
// connections here share one thread, where one waiting for the other's lock blocks both.
let t: TestDatabase;
let others: OpenedStore[];
beforeEach(async () => {
  t = await createTestDatabase();
  others = [openStore(t.config), openStore(t.config)];
});
afterEach(async () => {
  for (const o of others) await o.db.destroy();
  await t.close();
});

describe('seeding the demo site', () => {
  it.runIf(TEST_ENGINE === 'postgres')(
    'seeds once when processes start together: one seeds, the others find its site',
    async () => {
      const stores = [t.store, ...others.map((o) => o.store)];
      const results = await Promise.all(stores.map((s) => seedDemo(s, 'http://127.0.0.1:8787')));
      const seeded = results.filter((r) => r !== null);
      expect(seeded).toHaveLength(1);
      expect(await t.store.countSites()).toBe(1);
      const site = await t.store.findSiteByKey('demo');
      expect(site?.defaultRepId).toBe(seeded[0]?.id);
      expect((await t.store.listReps(site?.id ?? '')).map((r) => r.name)).toEqual([
        'Mr. Moore Liu',
      ]);
    },
  );

  it('leaves a database that has a site alone', async () => {
    expect(await seedDemo(t.store, 'http://127.0.0.1:8787')).not.toBeNull();
    expect(await seedDemo(others[0]!.store, 'http://127.0.0.1:8787')).toBeNull();
    expect(await t.store.countSites()).toBe(1);
  });
});
