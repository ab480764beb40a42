import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_HELD_LOCKS } from '../../server/storage/exclusive-queries';
import { openPostgres } from '../../server/storage/postgres';
import { createTestDatabase, POSTGRES_URL, type TestDatabase } from '../support/test-database';

// What holds PostgreSQL connections must never take the process down or hang it for good.

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase('postgres');
});
afterEach(() => database.close());

describe('the PostgreSQL pool', () => {
  it('fails the transaction whose connection the server ended, and the process lives on', async () => {
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    try {
      const work = database.db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
        // As a restart or a failover would: the server ends this backend mid-transaction.
        await admin.query('select pg_terminate_backend($1)', [rows[0]?.pid]);
        await sql`select pg_sleep(1)`.execute(trx);
      });
      await expect(work).rejects.toThrow();
      // Without a listener on the checked-out client, its 'error' was uncaught: the server
      // process ended (here vitest reports it as an unhandled error, failing the run).
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(database.db);
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      await admin.end();
    }
  });

  it('tells the log of a connection lost, as one line of its own', async () => {
    const told: string[] = [];
    const db = openPostgres(database.url, (message) => told.push(message));
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    try {
      const work = db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
        await admin.query('select pg_terminate_backend($1)', [rows[0]?.pid]);
        await sql`select pg_sleep(1)`.execute(trx);
      });
      await expect(work).rejects.toThrow();
      // One line per error the connection reports (the server's notice, then the socket's end).
      expect(told.length).toBeGreaterThan(0);
      for (const line of told) expect(line).toMatch(/^\[db\] PostgreSQL connection lost: /);
    } finally {
      await admin.end();
      await db.destroy();
    }
  });

  it('serves locks of more names than it has connections, each with work on others', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `admin:site-${i}`);
    let atOnce = 0;
    let most = 0;
    const done = await Promise.all(
      names.map((name) =>
        database.store.exclusively(name, async () => {
          most = Math.max(most, ++atOnce);
          await new Promise((wake) => setTimeout(wake, 20));
          await sql`select 1`.execute(database.db);
          atOnce--;
          return name;
        }),
      ),
    );
    expect(done).toEqual(names);
    expect(most).toBe(MAX_HELD_LOCKS);
  }, 20_000);
});
