import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../server/domain/events';
import { openStore, type OpenedStore } from '../../server/storage/open-store';
import {
  createPostgresEventBus,
  type PostgresEventBus,
} from '../../server/storage/postgres-events';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// Two processes' buses on one database, each with its own pool, as two servers have.

let t: TestDatabase;
let other: OpenedStore;
const buses: PostgresEventBus[] = [];

beforeEach(async () => {
  t = await createTestDatabase('postgres');
  other = openStore(t.config);
});
afterEach(async () => {
  for (const bus of buses.splice(0)) await bus.close();
  await other.db.destroy();
  await t.close();
});

const bus = async (db = t.db) => {
  const b = await createPostgresEventBus({ url: t.url, db, retryMs: 50 });
  buses.push(b);
  return b;
};

function collect(b: PostgresEventBus): LiveEvent[] {
  const seen: LiveEvent[] = [];
  b.subscribe((e) => seen.push(e));
  return seen;
}

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const event = (inquiryId: string): LiveEvent => ({
  type: 'message',
  siteId: 'site-1',
  repId: null,
  inquiryId,
  visitorVisible: true,
});

describe('the PostgreSQL event bus', () => {
  it('delivers an event once to this process and once to another one', async () => {
    const a = await bus();
    const b = await bus(other.db);
    const [seenA, seenB] = [collect(a), collect(b)];
    let missed = 0;
    a.onMissed(() => missed++);
    a.publish(event('i-1'));
    b.publish(event('i-2'));
    await until(() => seenA.length === 2 && seenB.length === 2);
    await new Promise((r) => setTimeout(r, 200));
    expect(seenA).toEqual([event('i-1'), event('i-2')]);
    expect(seenB.map((e) => e.inquiryId).sort()).toEqual(['i-1', 'i-2']);
    expect(missed).toBe(0);
  });

  it('hears nothing from another schema on the same database', async () => {
    const elsewhere = await createTestDatabase('postgres');
    try {
      const a = await bus();
      const b = await createPostgresEventBus({ url: elsewhere.url, db: elsewhere.db });
      buses.push(b);
      const seenB = collect(b);
      a.publish(event('i-1'));
      await new Promise((r) => setTimeout(r, 300));
      expect(seenB).toEqual([]);
    } finally {
      await elsewhere.close();
    }
  });

  it('ignores a notification that is not an event', async () => {
    const a = await bus();
    const seen = collect(a);
    const { rows } = await sql<{ c: string }>`select current_schema() as c`.execute(t.db);
    const channel = `liaison_events.${rows[0]?.c}`;
    await sql`select pg_notify(${channel}, ${'not json'})`.execute(other.db);
    await sql`select pg_notify(${channel}, ${JSON.stringify({ type: 'drop' })})`.execute(other.db);
    await sql`select pg_notify(${channel}, ${JSON.stringify(event('i-3'))})`.execute(other.db);
    await until(() => seen.length === 1);
    expect(seen).toEqual([event('i-3')]);
  });

  it('listens again after its connection is killed, and says events were missed', async () => {
    const a = await bus();
    const b = await bus(other.db);
    const seenA = collect(a);
    let missed = 0;
    a.onMissed(() => missed++);
    // Kill this schema's LISTEN connections, as a database restart or failover would.
    const { rows } = await sql<{ pid: number }>`select pg_terminate_backend(pid), pid
      from pg_stat_activity where query = ${`listen "liaison_events.${await schema()}"`}`.execute(
      t.db,
    );
    expect(rows).toHaveLength(2);
    // Events published while it reconnects are lost; once it listens again they arrive.
    for (let i = 0; !seenA.some((e) => e.inquiryId === 'after'); i++) {
      if (i > 100) throw new Error('never heard again');
      b.publish(event('after'));
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(missed).toBe(1);
  });
});

async function schema(): Promise<string> {
  const { rows } = await sql<{ c: string }>`select current_schema() as c`.execute(t.db);
  return rows[0]?.c ?? '';
}
