import { sql, type Kysely } from 'kysely';
import type { Database } from '../../server/storage/database';
import { engineOf } from '../../server/storage/migrations/engine';
import type { Product } from '../../server/storage/records';
import { indexInquiries, type SqliteIndex } from '../../server/storage/search-index';

const COMPANIES = [
  'Rhein Pumpen AG',
  'Andes Trading SAC',
  'Gulf Valves LLC',
  'Nordic Flow AB',
  'Osaka Kikai KK',
];
const PRODUCTS = [
  'Ball Valve DN50',
  'Gate Valve DN100',
  'Butterfly Valve DN150',
  'Centrifugal Pump',
  'Pipe Fittings',
];
const WORDS =
  'quote price delivery sample stainless steel flange pressure seawater agent container port'.split(
    ' ',
  );

/**
 * Inserts `count` inquiries (each with one message) for `siteId`/`repId`, in batches, calling
 * `progress(done)` after each batch. Plain inserts, and the text index written as the store
 * writes it. On
 * PostgreSQL, rows go in as column arrays and the secondary indexes are dropped first and
 * built again at the end, as a restore does (`log` says so): the same indexes, faster to load.
 */
export async function seedInquiries(
  db: Kysely<Database>,
  {
    siteId,
    repId,
    count,
    batch = 2000,
    progress,
    log = () => {},
    index = 'latest',
  }: {
    siteId: string;
    repId: string;
    count: number;
    batch?: number;
    progress: (done: number) => void;
    log?: (line: string) => void;
    /** SQLite: the text index as of which migration (a test seeding an older schema). */
    index?: SqliteIndex;
  },
): Promise<void> {
  const postgres = engineOf(db) === 'postgres';
  const indexes = postgres ? await dropSecondaryIndexes(db) : [];
  const start = Date.parse('2024-01-01T00:00:00Z');
  // SQLite takes at most 32,766 parameters a statement: 1,000 rows of inquiries' columns.
  const step = postgres ? batch : Math.min(batch, 1000);
  for (let done = 0; done < count; done += step) {
    const n = Math.min(step, count - done);
    const rows = Array.from({ length: n }, (_, k) => {
      const i = done + k;
      const at = new Date(start + i * 37_000).toISOString();
      return {
        inquiry: {
          id: `seed-${String(i).padStart(8, '0')}`,
          siteId,
          repId,
          status: ['new', 'open', 'waiting', 'closed'][i % 4] ?? 'new',
          visitorName: `Buyer ${i}`,
          visitorEmail: `buyer${i}@example.com`,
          visitorCompany: COMPANIES[i % COMPANIES.length] ?? null,
          visitorCountry: 'Germany',
          visitorPhone: null,
          quantity: (i % 50) * 10 + 10,
          unit: 'pieces',
          products: JSON.stringify([{ name: PRODUCTS[i % PRODUCTS.length] }]),
          pageUrl: null,
          pageReferrer: null,
          pageLanguage: 'en',
          pageTimezone: 'Europe/Berlin',
          assignmentReason: 'seeded',
          unread: i % 3 === 0 ? 1 : 0,
          awaitingReply: i % 2,
          lastActivityAt: at,
          createdAt: at,
          updatedAt: at,
        },
        message: {
          id: `seedm-${String(i).padStart(8, '0')}`,
          inquiryId: `seed-${String(i).padStart(8, '0')}`,
          authorKind: 'visitor',
          authorRepId: null,
          body: `Please send a ${WORDS[i % WORDS.length]} and ${WORDS[(i * 7) % WORDS.length]} for order ${i}.`,
          channel: 'widget',
          createdAt: at,
        },
      };
    });
    await db.transaction().execute(async (trx) => {
      const inquiries = rows.map((r) => r.inquiry);
      const messages = rows.map((r) => r.message);
      if (postgres) {
        await insertUnnest(trx, 'inquiries', inquiries);
        await insertUnnest(trx, 'messages', messages);
      } else {
        await trx.insertInto('inquiries').values(inquiries).execute();
        await trx.insertInto('messages').values(messages).execute();
      }
      // As the store indexes an inquiry it stores (search-index.ts).
      await indexInquiries(
        trx,
        rows.map(({ inquiry: i, message }) => ({
          id: i.id,
          visitor: {
            name: i.visitorName,
            email: i.visitorEmail,
            company: i.visitorCompany,
            country: i.visitorCountry,
            phone: i.visitorPhone,
          },
          products: JSON.parse(i.products) as Product[],
          body: message.body,
        })),
        index,
      );
    });
    progress(done + n);
  }
  if (indexes.length > 0) {
    log(`building ${indexes.length} indexes again`);
    await sql`set maintenance_work_mem = '256MB'`.execute(db);
    for (const definition of indexes) await sql.raw(definition).execute(db);
  }
}

// One INSERT ... SELECT FROM unnest(column arrays): a parameter per column instead of per
// value, so PostgreSQL parses little and the driver sends a few large arrays.
async function insertUnnest(
  db: Kysely<Database>,
  table: 'inquiries' | 'messages',
  rows: Array<Record<string, unknown>>,
): Promise<void> {
  const columns = Object.keys(rows[0] ?? {});
  const arrays = columns.map((column) => {
    const values = rows.map((r) => r[column]);
    const type = values.some((v) => typeof v === 'number') ? 'float8' : 'text';
    return sql`${values}::${sql.raw(type)}[]`;
  });
  const names = columns.map((c) => sql.id(c.replace(/[A-Z]/g, (l) => `_${l.toLowerCase()}`)));
  await sql`insert into ${sql.table(table)} (${sql.join(names)})
    select * from unnest(${sql.join(arrays)})`.execute(db);
}

// The definitions of the indexes on the seeded tables that back no constraint, after dropping
// them. The primary and unique keys stay: inserts check them.
async function dropSecondaryIndexes(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ name: string; definition: string }>`
    select indexname as name, indexdef as definition from pg_indexes
    where schemaname = current_schema()
      and tablename in ('inquiries', 'messages', 'inquiry_search')
      and indexname not in (select conname from pg_constraint where contype in ('p', 'u'))`.execute(
    db,
  );
  for (const { name } of rows) await sql`drop index ${sql.id(name)}`.execute(db);
  return rows.map((r) => r.definition);
}
