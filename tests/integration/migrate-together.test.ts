import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest, migrationProvider } from '../../server/storage/migrate';
import { openStore, type OpenedStore } from '../../server/storage/open-store';
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from '../support/test-database';

// Several server processes started at once on one empty PostgreSQL database each migrate it
// (server/main.ts does before it listens). Kysely's migrator takes an advisory lock for the
// run and reads what has run once it holds the lock: each migration must run exactly once.
// PostgreSQL only, as demo-seed.test.ts (SQLite is one process's database).
let t: TestDatabase;
let others: OpenedStore[];
beforeEach(async () => {
  t = await createTestDatabase(TEST_ENGINE, { migrated: false });
  others = [openStore(t.config), openStore(t.config)];
});
afterEach(async () => {
  for (const o of others) await o.db.destroy();
  await t.close();
});

describe('migrating', () => {
  it.runIf(TEST_ENGINE === 'postgres')(
    'runs each migration once when processes migrate an empty database together',
    async () => {
      const runs = await Promise.all(
        [t.db, ...others.map((o) => o.db)].map((db) => migrateToLatest(db)),
      );
      const names = Object.keys(await migrationProvider.getMigrations()).sort();
      const ran = runs.flatMap((results) => results.map((r) => `${r.migrationName} ${r.status}`));
      expect(ran.sort()).toEqual(names.map((n) => `${n} Success`));
      // One process ran them all; the others waited for it and found nothing left to do.
      expect(runs.map((r) => r.length).sort()).toEqual([0, 0, names.length]);
      const { rows } = await sql<{
        name: string;
      }>`select name from kysely_migration order by name`.execute(t.db);
      expect(rows.map((r) => r.name)).toEqual(names);
      // The schema works: the store reads through it.
      expect(await t.store.countSites()).toBe(0);
    },
  );

  it('migrates an empty database, saying as each step starts and ends; a second run finds nothing to do', async () => {
    const names = Object.keys(await migrationProvider.getMigrations());
    const told: string[] = [];
    // (A long step's lines on the way, such as 0014's, are not steps.)
    const ran = await migrateToLatest(t.db, (name, ms, line) => {
      if (line === undefined) {
        told.push(ms === null ? `${name} starts` : `${name} took ${ms >= 0 ? 'some' : 'no'} time`);
      }
    });
    expect(ran).toHaveLength(names.length);
    expect(told).toEqual(names.flatMap((n) => [`${n} starts`, `${n} took some time`]));
    expect(await migrateToLatest(others[0]!.db)).toEqual([]);
  });
});
