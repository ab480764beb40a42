import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_SITE_KEY, seedDemo } from '../../server/demo-seed';
import { openStore, type OpenedStore } from '../../server/storage/open-store';
import type { Site, Store } from '../../server/storage/store';
import pg from 'pg';
import {
  createTestDatabase,
  POSTGRES_URL,
  TEST_ENGINE,
  type TestDatabase,
} from '../support/test-database';

// Store.siteConfig keeps a site's configuration with its config_version (migration 0023): a
// write of any of it, by this process or another, moves the version on, and the next read of
// the site row gets the configuration as it is now.
let database: TestDatabase;
let other: OpenedStore;
beforeEach(async () => {
  database = await createTestDatabase();
  await seedDemo(database.store, 'http://localhost:8787');
  // A second process on the same database.
  other = openStore(database.config);
});
afterEach(async () => {
  await other.db.destroy();
  await database.close();
});

const siteOf = async (store: Store): Promise<Site> => {
  const site = await store.findSiteByKey(DEMO_SITE_KEY);
  if (!site) throw new Error('no demo site');
  return site;
};

describe('a site configuration kept with its version', () => {
  it('is read once while the version stays', async () => {
    const { store } = database;
    const first = await store.siteConfig(await siteOf(store));
    expect(await store.siteConfig(await siteOf(store))).toBe(first);
    expect(first.reps.map((r) => r.handle)).toEqual(['moore-liu']);
    expect(first.hasTeams).toBe(false);
  });

  it("follows every kind of write another process makes to the site's configuration", async () => {
    const { store } = database;
    const config = async () => store.siteConfig(await siteOf(store));
    const site = await siteOf(store);
    const [moore] = (await config()).reps;
    const versions = [site.configVersion];
    const moved = async () => {
      versions.push((await siteOf(store)).configVersion);
      expect(versions.at(-1)).toBeGreaterThan(versions.at(-2) ?? Infinity);
    };

    await other.store.setRepActive(moore?.id ?? '', false);
    await moved();
    expect((await config()).reps[0]?.active).toBe(false);

    await other.store.updateRepProfile(moore?.id ?? '', { away: true });
    await moved();
    expect((await config()).profiles.get(moore?.id ?? '')?.away).toBe(true);

    await other.store.updateSite(site.id, { proofOfWork: 'on' });
    await moved();
    expect((await config()).settings?.proofOfWork).toBe('on');

    const teamId = randomUUID();
    await other.store.saveTeam({
      id: teamId,
      siteId: site.id,
      name: 'Sales',
      distribution: 'round-robin',
      memberIds: [],
    });
    await moved();
    expect((await config()).hasTeams).toBe(true);
    await other.store.saveTeam({
      id: teamId,
      siteId: site.id,
      name: 'Sales',
      distribution: 'round-robin',
      memberIds: [moore?.id ?? ''],
    });
    await moved();

    await other.store.replaceRules(site.id, [
      {
        id: randomUUID(),
        siteId: site.id,
        name: 'Germany',
        match: { countries: ['DE'] },
        target: { teamId },
      },
    ]);
    await moved();
    expect((await config()).rules.map((r) => r.name)).toEqual(['Germany']);

    await other.store.createWebhook({
      id: randomUUID(),
      siteId: site.id,
      url: 'https://hooks.example/liaison',
      format: 'standard',
      events: ['inquiry.created'],
      secret: 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0',
      active: true,
      createdAt: new Date().toISOString(),
    });
    await moved();
    expect((await config()).webhooks).toHaveLength(1);

    await other.store.deleteTeam(teamId);
    await moved();
    const after = await config();
    expect([after.hasTeams, after.rules]).toEqual([false, []]);
  });

  it.runIf(TEST_ENGINE === 'postgres')(
    "follows a write made with another search_path (psql, another installation's process)",
    async () => {
      const { store, config } = database;
      const url = config.engine === 'postgres' ? config.url : '';
      const schema = /search_path=(\w+)/.exec(new URL(url).searchParams.get('options') ?? '')?.[1];
      const before = (await siteOf(store)).configVersion;
      // Connected with the server's default search_path, which names no schema of ours.
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      try {
        await client.query(`update ${schema}.reps set away = 1`);
      } finally {
        await client.end();
      }
      expect((await siteOf(store)).configVersion).toBeGreaterThan(before);
      const [moore] = (await store.siteConfig(await siteOf(store))).reps;
      expect(
        (await store.siteConfig(await siteOf(store))).profiles.get(moore?.id ?? '')?.away,
      ).toBe(true);
    },
  );

  it('reads afresh for a caller holding an older site row, and keeps the newer one', async () => {
    const { store } = database;
    const old = await siteOf(store);
    await store.siteConfig(old);
    await other.store.updateSite(old.id, { themeColor: '#123456' });
    const now = await siteOf(store);
    const current = await store.siteConfig(now);
    expect(current.settings?.themeColor).toBe('#123456');
    expect((await store.siteConfig(old)).settings?.themeColor).toBe('#123456');
    expect(await store.siteConfig(now)).toBe(current);
  });
});
