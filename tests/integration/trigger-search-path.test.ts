import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateTo, migrateToLatest } from '../../server/storage/migrate';
import { sendInquiry } from '../support/inbox-client';
import { foundBySearch } from '../support/search-found';
import { createTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, POSTGRES_URL, TEST_ENGINE } from '../support/test-database';

// Migration 0024: the word list's triggers keep this schema's list whoever writes the text
// index, whatever the connection's search_path: psql with the server's default, or a process
// of another installation on the same database (whose own list the words went to before).

let t: TestApp;
let schema: string;

/** The words of `words` in the word list of the database `db` reads. */
async function listed(db: TestApp['db'], words: string[]): Promise<string[]> {
  const { rows } = await sql<{ term: string }>`select distinct term from inquiry_search_terms
    where term = any(${words}::text[]) order by term`.execute(db);
  return rows.map((r) => r.term);
}

/** Runs `write` over a connection of its own to `url`. */
async function as(url: string, write: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await write(client);
  } finally {
    await client.end();
  }
}

describe.runIf(TEST_ENGINE === 'postgres')('text index writes with another search_path', () => {
  beforeEach(async () => {
    t = await createTestApp();
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(t.db);
    schema = rows[0]?.schema ?? '';
  });
  afterEach(() => t.close());

  const writers = {
    'psql, with the default search_path': async () => ({ url: POSTGRES_URL, other: null }),
    "another installation's process": async () => {
      const other = await createTestDatabase();
      return { url: other.url, other };
    },
  };

  for (const [writer, open] of Object.entries(writers)) {
    it(`keeps this schema's word list: ${writer}`, async () => {
      const { url, other } = await open();
      try {
        const sent = await sendInquiry(t, { name: 'Storename Person' });
        const id = `${sent.id}-hand`;
        const words = ['handname', 'handmessage', 'storename'];
        // An inquiry and its message written by hand, copies of the store's, and indexed as
        // the store would (search-index.ts); then deleted, its document by cascade.
        await as(url, async (c) => {
          await c.query(
            `insert into ${schema}.inquiries select (jsonb_populate_record(i, $2::jsonb)).*
              from ${schema}.inquiries i where id = $1`,
            [sent.id, { id, visitor_name: 'Handname Person' }],
          );
          await c.query(
            `insert into ${schema}.inquiry_search (inquiry_id, document)
              values ($1, to_tsvector('simple', 'handname person'))`,
            [id],
          );
          await c.query(
            `insert into ${schema}.messages select (jsonb_populate_record(m, $2::jsonb)).*
              from ${schema}.messages m where inquiry_id = $1 and author_kind = 'visitor' limit 1`,
            [sent.id, { id: `${id}-m`, inquiry_id: id, body: 'Handmessage about flanges' }],
          );
          await c.query(
            `update ${schema}.inquiry_search
              set document = document || to_tsvector('simple', 'handmessage about flanges')
              where inquiry_id = $1`,
            [id],
          );
        });
        expect(await listed(t.db, words)).toEqual(words.toSorted());
        expect(await foundBySearch(t, 'handmess', { [id]: 'hand' })).toEqual(['hand']);
        if (other) expect(await listed(other.db, words)).toEqual([]);

        await as(url, async (c) => {
          await c.query(`delete from ${schema}.messages where inquiry_id = $1`, [id]);
          await c.query(`delete from ${schema}.inquiries where id = $1`, [id]);
        });
        expect(await listed(t.db, words)).toEqual(['storename']);
        expect(await foundBySearch(t, 'handname', {})).toEqual([]);
      } finally {
        await other?.close();
      }
    });
  }

  it('goes down and up', async () => {
    const settings = async () => {
      const { rows } = await sql<{ name: string; config: string[] | null }>`select
        p.proname as name, p.proconfig as config from pg_catalog.pg_proc p
        join pg_catalog.pg_namespace n on n.oid = p.pronamespace
        where n.nspname = ${schema} and p.proname like 'inquiry_search_terms_%'
        order by p.proname`.execute(t.db);
      return rows;
    };
    const set = [`search_path=${schema}`];
    expect(await settings()).toEqual([
      { name: 'inquiry_search_terms_add', config: set },
      { name: 'inquiry_search_terms_drop', config: set },
    ]);
    await migrateTo(t.db, '0023-config-version');
    expect((await settings()).map((s) => s.config)).toEqual([null, null]);
    await migrateToLatest(t.db);
    expect((await settings()).map((s) => s.config)).toEqual([set, set]);
  });
});
