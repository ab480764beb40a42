import { createIdFactory } from '../../server/ids';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { createApp } from '../../server/app';
import type { AbuseLimits } from '../../server/config';
import { createClientAddress } from '../../server/http/client-address';
import { seedDemo } from '../../server/demo-seed';
import { createLocalEventBus, type EventBus } from '../../server/domain/events';
import type { Database } from '../../server/storage/database';
import { openStore } from '../../server/storage/open-store';
import type { Store } from '../../server/storage/store';
import { createTestDatabase, type Engine } from './test-database';

export { inquiryBody } from './inquiry-body';

export const ROOT = join(import.meta.dirname, '../..');
export const PUBLIC_URL = 'http://localhost:8787';
export const SECRET = 'test-secret-test-secret-test-secret-42';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  db: Kysely<Database>;
  store: Store;
  events: EventBus;
  /** The app's id factory: share it so ids of one test sort in creation order. */
  newId: () => string;
  /** The engine under test (TEST_DATABASE). */
  engine: Engine;
  /** The clock the app reads; tests move it. */
  now: { value: Date };
  /**
   * Another app on the same database, with connections, a store and an event bus of its own,
   * as a second server process would have; same clock and ids. Closed with this one.
   */
  anotherProcess(): Pick<TestApp, 'app' | 'store'>;
  close(): Promise<void>;
}

/**
 * A real app on a fresh database of the engine under test (a SQLite file in a temp folder, or
 * a PostgreSQL schema), seeded with the demo site.
 */
export async function createTestApp(
  abuse: Partial<AbuseLimits> = {},
  /** Webhooks to http:// and loopback addresses (the tests' receivers) may be added. */
  { allowPrivateWebhooks = false }: { allowPrivateWebhooks?: boolean } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const { db, store } = database;
  const newId = createIdFactory();
  await seedDemo(store, PUBLIC_URL);
  const now = { value: new Date('2026-11-29T08:00:00.000Z') };
  const appOn = (store: Store, events: EventBus) =>
    createApp({
      store,
      clock: () => now.value,
      newId,
      secret: SECRET,
      events,
      sleep: async () => {},
      clientAddress: createClientAddress(),
      // Generous limits: tests of the limits themselves set their own.
      abuse: {
        ipPerMinute: 1000,
        sitePerMinute: 10_000,
        minFormMs: 2000,
        floodPerMinute: 10_000,
        messagesPerMinute: 10_000,
        ...abuse,
      },
      publicUrl: PUBLIC_URL,
      allowPrivateWebhooks,
      assets: { widgetDir: join(ROOT, 'dist'), demoDir: join(ROOT, 'demo') },
    });
  const events = createLocalEventBus();
  const others: Array<Kysely<Database>> = [];
  return {
    app: appOn(store, events),
    db,
    store,
    events,
    newId,
    engine: database.engine,
    now,
    anotherProcess() {
      const opened = openStore(database.config);
      others.push(opened.db);
      return { app: appOn(opened.store, createLocalEventBus()), store: opened.store };
    },
    async close() {
      for (const other of others) await other.destroy();
      await database.close();
    },
  };
}

/** Row counts of every table that a request could write to. */
export async function rowCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['inquiries', 'messages', 'deliveries'] as const) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}
