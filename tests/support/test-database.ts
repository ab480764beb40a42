import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseConfig } from '../../server/config';
import { migrateToLatest } from '../../server/storage/migrate';
import { openStore, type OpenedStore } from '../../server/storage/open-store';

/** The engines the store runs on; one test suite runs on each (vite.config.ts, `projects`). */
export type Engine = DatabaseConfig['engine'];

/** The engine of this test run: `TEST_DATABASE=postgres` (the postgres project) or SQLite. */
export const TEST_ENGINE: Engine = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';

/** The PostgreSQL the tests use (CI's; trust auth): `TEST_POSTGRES_URL` overrides it. */
export const POSTGRES_URL =
  process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** An empty database of its own for one test or file, migrated. */
export interface TestDatabase extends OpenedStore {
  engine: Engine;
  config: DatabaseConfig;
  /** What a server process started on this database gets as DATABASE_URL. */
  url: string;
  /** Closes the connections and deletes the database (the SQLite folder, the PG schema). */
  close(): Promise<void>;
}

/**
 * A fresh database: a SQLite file in a temp folder, or a PostgreSQL schema of its own (test
 * files run in parallel on one database; every connection's search_path names the schema).
 */
export async function createTestDatabase(
  engine: Engine = TEST_ENGINE,
  {
    postgresUrl = POSTGRES_URL,
    migrated = true,
  }: {
    postgresUrl?: string;
    /** false: empty, for tests of the migrations themselves. */
    migrated?: boolean;
  } = {},
): Promise<TestDatabase> {
  const target = engine === 'postgres' ? await createSchema(postgresUrl) : createSqliteFolder();
  const config: DatabaseConfig =
    engine === 'postgres'
      ? { engine, url: target.url }
      : { engine, path: join(target.url, 'liaison.sqlite') };
  const opened = openStore(config);
  if (migrated) await migrateToLatest(opened.db);
  return {
    ...opened,
    engine,
    config,
    url: config.engine === 'postgres' ? config.url : config.path,
    async close() {
      await opened.db.destroy();
      await target.drop();
    },
  };
}

function createSqliteFolder() {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-test-'));
  return { url: dir, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function createSchema(base: string) {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  await withAdmin(base, (c) => c.query(`create schema ${schema}`));
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    drop: () => withAdmin(base, (c) => c.query(`drop schema ${schema} cascade`)),
  };
}

async function withAdmin(url: string, fn: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(
      `PostgreSQL is not reachable at ${url} (${String(err)}). Start one, set ` +
        'TEST_POSTGRES_URL, or run SQLite alone with TEST_DATABASES=sqlite (never under CI).',
      { cause: err },
    );
  }
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}
