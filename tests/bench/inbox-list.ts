// Inbox list and search at scale: seeds N inquiries into a fresh SQLite file, or with
// DATABASE_URL=postgres://... into a fresh schema of that database (dropped afterwards), with
// a progress line, then times the queries the inbox makes and prints p50/p95 per query (and
// this process's CPU per query, steadier on a busy machine), and the process's memory.
//   npx tsx tests/bench/inbox-list.ts [--count 1000000] [--runs 50]
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx tests/bench/inbox-list.ts
// With --keep, the database stays for the next run, which migrates it and skips the seeding:
// a SQLite file (--keep /tmp/bench-1m.sqlite) or a PostgreSQL schema (--keep bench_1m).
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { seedDemo } from '../../server/demo-seed';
import { listInbox } from '../../server/domain/inbox';
import { migrateToLatest, type MigrationProgress } from '../../server/storage/migrate';
import { openStore } from '../../server/storage/open-store';
import { createTestDatabase } from '../support/test-database';
import { seedInquiries } from './seed-inquiries';

const { values } = parseArgs({
  options: { count: { type: 'string' }, runs: { type: 'string' }, keep: { type: 'string' } },
});
const count = Number(values.count ?? 100_000);
const runs = Number(values.runs ?? 30);

const SMALL_REP = {
  id: 'bench-small-rep',
  handle: 'smallrep',
  name: 'Small Rep',
  title: null,
  photoUrl: null,
  email: 'small.rep@example.com',
  active: true,
  role: 'rep' as const,
};

const postgresUrl = process.env.DATABASE_URL;
const engine = postgresUrl?.startsWith('postgres') ? 'postgres' : 'sqlite';
const database = values.keep
  ? await openKept(values.keep)
  : await createTestDatabase(engine, postgresUrl ? { postgresUrl } : {});
const { db, store } = database;
try {
  const seeded = await seedDemo(store, 'http://localhost:8787');
  const rep = seeded ?? (await store.findRepByEmail('moore.liu@example.com'));
  if (!rep) throw new Error('seed failed');

  const started = performance.now();
  if (seeded) {
    await seedInquiries(db, {
      siteId: rep.siteId,
      repId: rep.id,
      count,
      progress: (done) => {
        const pct = ((done / count) * 100).toFixed(0);
        const rate = Math.round(done / ((performance.now() - started) / 1000));
        process.stdout.write(
          `\rseeding ${done.toLocaleString('en')} / ${count.toLocaleString('en')} (${pct}%, ${rate}/s)`,
        );
      },
      log: (line) => process.stdout.write(`\n${line}`),
    });
    process.stdout.write(`\nseeded in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
  // A rep holding 0.5% of the inquiries (every 200th), for searches in a rep's own list.
  const small = (await store.findRepByEmail(SMALL_REP.email)) ?? (await addSmallRep(rep.siteId));
  // As autovacuum would by now: the planner needs the tables' statistics.
  if (engine === 'postgres') await sql`analyze`.execute(db);
  process.stdout.write('\n');

  const time = async (name: string, run: () => Promise<unknown>) => {
    const samples: number[] = [];
    const cpu0 = process.cpuUsage();
    // `runs` times, or as many as fit in 10 s (at least 5), for the slow ones.
    const started = performance.now();
    while (samples.length < runs && (samples.length < 5 || performance.now() - started < 10_000)) {
      const t0 = performance.now();
      await run();
      samples.push(performance.now() - t0);
    }
    // This process's CPU time per query: the whole cost on SQLite (in-process), the client's
    // share on PostgreSQL; steadier than the clock on a busy machine.
    const cpu = process.cpuUsage(cpu0);
    samples.sort((a, b) => a - b);
    const at = (q: number) =>
      samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
    return {
      query: name,
      p50_ms: at(0.5).toFixed(2),
      p95_ms: at(0.95).toFixed(2),
      cpu_ms: ((cpu.user + cpu.system) / 1000 / samples.length).toFixed(2),
      runs: samples.length,
    };
  };

  const first = await listInbox(store, rep, {});
  let deep = first.nextCursor;
  for (let i = 0; i < 200 && deep; i++)
    deep = (await listInbox(store, rep, { cursor: deep })).nextCursor;
  const deepCursor = deep ?? undefined;
  let rhein = (await listInbox(store, rep, { q: 'rhein' })).nextCursor;
  for (let i = 1; i < 20 && rhein; i++)
    rhein = (await listInbox(store, rep, { q: 'rhein', cursor: rhein })).nextCursor;
  const rheinCursor = rhein ?? undefined;

  const rows = [
    await time('first page (25)', () => listInbox(store, rep, {})),
    await time('page 200 by cursor', () => listInbox(store, rep, { cursor: deepCursor })),
    await time('status=waiting', () => listInbox(store, rep, { status: 'waiting' })),
    await time('search "rhein"', () => listInbox(store, rep, { q: 'rhein' })),
    await time('search "seawater flange"', () => listInbox(store, rep, { q: 'seawater flange' })),
    await time('search "buyer12345"', () => listInbox(store, rep, { q: 'buyer12345' })),
    // Not in the list: a later page, a word in most inquiries, a prefix of too many
    // words to expand, two common words in one inquiry of 60.
    await time('search "rhein" page 20', () =>
      listInbox(store, rep, { q: 'rhein', cursor: rheinCursor }),
    ),
    await time('search "valve"', () => listInbox(store, rep, { q: 'valve' })),
    await time('search "buyer1"', () => listInbox(store, rep, { q: 'buyer1' })),
    await time('search "pumpen seawater"', () => listInbox(store, rep, { q: 'pumpen seawater' })),
    await time("a rep's own list (0.5%), first page", () => listInbox(store, small, {})),
    await time('a rep\'s own list, "rhein"', () => listInbox(store, small, { q: 'rhein' })),
    await time('a rep\'s own list, "valve"', () => listInbox(store, small, { q: 'valve' })),
    await time('a rep\'s own list, "buyer1"', () => listInbox(store, small, { q: 'buyer1' })),
    await time('a rep\'s own list, "pumpen seawater"', () =>
      listInbox(store, small, { q: 'pumpen seawater' }),
    ),
  ];
  // A kept database has what an earlier run seeded, whatever --count says now.
  const { stored } = await db
    .selectFrom('inquiries')
    .select(sql<number>`count(*)`.as('stored'))
    .executeTakeFirstOrThrow();
  console.log(
    `${engine}: ${Number(stored).toLocaleString('en')} inquiries, up to ${runs} runs each`,
  );
  console.table(rows);
  console.log(
    `heap used: ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB, rss: ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
  );
} finally {
  await database.close();
}

/** The small rep, given every 200th seeded inquiry (the ids ending 000, 200, 400...). */
async function addSmallRep(siteId: string) {
  await store.createRep({ ...SMALL_REP, siteId });
  await db
    .updateTable('inquiries')
    .set({ repId: SMALL_REP.id })
    .where('id', 'like', 'seed-%')
    .where(sql<string>`substr(id, length(id) - 2)`, 'in', ['000', '200', '400', '600', '800'])
    .execute();
  const added = await store.findRep(SMALL_REP.id);
  if (!added) throw new Error('the small rep was not added');
  return added;
}

/** The kept database named by --keep, created when missing and migrated to the latest. */
async function openKept(name: string) {
  if (engine === 'sqlite') {
    const opened = openStore({ engine, path: name });
    await migrateToLatest(opened.db, migrating);
    return { ...opened, close: () => opened.db.destroy() };
  }
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error('--keep: a schema name, like bench_1m');
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create schema if not exists ${name}`);
  await admin.end();
  const url = new URL(postgresUrl ?? '');
  url.searchParams.set('options', `-c search_path=${name}`);
  const opened = openStore({ engine, url: url.toString() });
  await migrateToLatest(opened.db, migrating);
  return { ...opened, close: () => opened.db.destroy() };
}

/** A kept database's migrations, as the server prints them at start-up. */
function migrating(...[name, ms, line]: Parameters<MigrationProgress>): void {
  console.log(
    line ?? (ms === null ? `migrating: ${name}...` : `${name} done in ${(ms / 1000).toFixed(1)} s`),
  );
}
