import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, type Migration, type MigrationProvider, Migrator, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../contract';
import { createLogger } from '../../server/ops/log';
import { createReadinessCheck, type ReadinessCheck } from '../../server/ops/readiness';
import { migrateToLatest, migrationState } from '../../server/storage/migrate';
import { createTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, TEST_ENGINE } from '../support/test-database';
import { opsApp } from './ops-app';

// Migrations of our own on a database of our own: what is checked is how readiness reads
// Kysely's migration table, not which migrations the project has.
const table = (name: string): Migration => ({
  up: async (db: Kysely<unknown>) => {
    await db.schema.createTable(name).addColumn('id', 'integer').execute();
  },
});
const provider = (names: string[]): MigrationProvider => ({
  getMigrations: async () => Object.fromEntries(names.map((n) => [n, table(`t_${n}`)])),
});

let dir: string;
let db: Kysely<unknown>;
let t: TestApp;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'liaison-ready-'));
  db = new Kysely({
    dialect: new SqliteDialect({ database: new Database(join(dir, 'r.sqlite')) }),
  });
  t = await createTestApp();
});
afterEach(async () => {
  await db.destroy();
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

async function migrate(names: string[]) {
  const { error } = await new Migrator({ db, provider: provider(names) }).migrateToLatest();
  if (error) throw error;
}

const stateOf = (names: string[]) => () => migrationState(db, provider(names));

const readyz = (readiness?: ReadinessCheck) => opsApp(t, { readiness }).request('/readyz');

describe('/readyz', () => {
  it('is ready when the database answers and every migration is applied', async () => {
    await migrate(['0001-a', '0002-b']);
    const res = await readyz(
      createReadinessCheck({ db, migrations: stateOf(['0001-a', '0002-b']) }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('names the migrations not applied yet', async () => {
    await migrate(['0001-a']);
    const check = createReadinessCheck({
      db,
      migrations: stateOf(['0001-a', '0002-b', '0003-c']),
    });
    const res = await readyz(check);
    expect(res.status).toBe(503);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.fields).toEqual({ migrations: 'Not applied: 0002-b, 0003-c.' });
    expect(body.error.message).toContain('0002-b, 0003-c');
  });

  it('is not ready on a database a newer release migrated: its code may fail there', async () => {
    await migrate(['0001-a', '0002-b', '0003-c']);
    const res = await readyz(createReadinessCheck({ db, migrations: stateOf(['0001-a']) }));
    expect(res.status).toBe(503);
    expect(((await res.json()) as ErrorBody).error.fields).toEqual({
      migrations: 'Applied by a newer release: 0002-b, 0003-c.',
    });
  });

  it('counts a database nobody migrated as not ready', async () => {
    const res = await readyz(createReadinessCheck({ db, migrations: stateOf(['0001-a']) }));
    expect(res.status).toBe(503);
    expect(((await res.json()) as ErrorBody).error.fields).toEqual({
      migrations: 'Not applied: 0001-a.',
    });
  });

  it('is not ready when the database does not answer, and logs why without telling the client', async () => {
    await migrate(['0001-a']);
    const logged: string[] = [];
    const check = createReadinessCheck({
      db,
      migrations: stateOf(['0001-a']),
      logger: createLogger({ level: 'warn', write: (l) => logged.push(l) }),
    });
    await db.destroy();
    const res = await readyz(check);
    expect(res.status).toBe(503);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.fields).toEqual({ database: 'The database does not answer.' });
    expect(logged).toHaveLength(1);
    expect(JSON.parse(logged[0] ?? '{}')).toMatchObject({
      level: 'warn',
      msg: 'not ready: the database does not answer',
      err: { message: expect.any(String) },
    });
  });

  it('gives up when reading the migrations hangs', async () => {
    const hanging: MigrationProvider = { getMigrations: () => new Promise(() => {}) };
    await migrate(['0001-a']);
    const res = await readyz(
      createReadinessCheck({
        db,
        migrations: () => migrationState(db, hanging),
        timeoutMs: 50,
      }),
    );
    expect(res.status).toBe(503);
    expect(((await res.json()) as ErrorBody).error.fields).toEqual({
      migrations: 'The applied migrations could not be read.',
    });
  });

  it('is not ready without a readiness check', async () => {
    const res = await readyz();
    expect(res.status).toBe(503);
  });

  it('leaves /healthz alive either way', async () => {
    expect((await opsApp(t).request('/healthz')).status).toBe(200);
  });

  // Installations share one PostgreSQL in schemas of their own (as the tests do here).
  it.runIf(TEST_ENGINE === 'postgres')(
    "reads its own schema's migrations, beside other installations' schemas",
    async () => {
      const fresh = await createTestDatabase('postgres', { migrated: false });
      try {
        const check = createReadinessCheck({
          db: fresh.db,
          migrations: () => migrationState(fresh.db),
        });
        const res = await readyz(check);
        expect(res.status).toBe(503);
        const { fields } = ((await res.json()) as ErrorBody).error;
        expect(fields?.migrations).toMatch(/^Not applied: 0001-initial, /);
        await migrateToLatest(fresh.db);
        expect((await readyz(check)).status).toBe(200);
      } finally {
        await fresh.close();
      }
    },
  );
});
