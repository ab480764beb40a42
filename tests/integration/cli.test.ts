import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../server/auth/passwords';
import { InquiryInput } from '../../contract/inquiry';
import { seedDemo } from '../../server/demo-seed';
import { createLocalEventBus } from '../../server/domain/events';
import { receiveInquiry } from '../../server/domain/inquiries';
import { createIdFactory } from '../../server/ids';
import { createKyselyStore } from '../../server/storage/kysely-store';
import { migrateTo, migrateToLatest, migrationState } from '../../server/storage/migrate';
import { openSqlite, sqliteSearch } from '../../server/storage/sqlite';
import { inquiryBody, ROOT } from '../support/test-app';

const dir = mkdtempSync(join(tmpdir(), 'liaison-cli-'));
const database = join(dir, 'liaison.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `npm run liaison -- ...args` as an operator would, with `input` on stdin. */
function liaison(args: string[], input = '', file = database) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: file },
    input,
    encoding: 'utf8',
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

async function withStore<T>(
  fn: (store: ReturnType<typeof createKyselyStore>) => Promise<T>,
): Promise<T> {
  const db = openSqlite(database);
  try {
    await migrateToLatest(db);
    return await fn(createKyselyStore(db, sqliteSearch));
  } finally {
    await db.destroy();
  }
}

describe('npm run liaison -- rep', () => {
  it('adds, lists, sets a password from stdin and deactivates reps', async () => {
    await withStore((store) => seedDemo(store, 'http://localhost:8787'));
    const add = liaison([
      'rep',
      'add',
      '--site',
      'demo',
      '--email',
      'Ana@Hengda.example',
      '--name',
      'Ms. Ana Wu',
      '--title',
      'Export Sales',
    ]);
    expect(add).toMatchObject({
      code: 0,
      out: expect.stringMatching(
        /Added rep Ms\. Ana Wu <ana@hengda\.example> to demo \(data-rep="ana-wu"\)/,
      ),
    });

    const list = liaison(['rep', 'list', '--site', 'demo']);
    expect(list.code).toBe(0);
    expect(list.out).toMatch(
      /active\s+rep\s+ana@hengda\.example\s+"Ms\. Ana Wu"\s+data-rep=ana-wu/,
    );
    expect(list.out).toMatch(/moore\.liu@example\.com/);

    expect(
      liaison(['rep', 'password', '--email', 'ana@hengda.example'], 'a-long-secret-1\n').code,
    ).toBe(0);
    const hash = await withStore(async (store) =>
      store.findPasswordHash((await store.findRepByEmail('ana@hengda.example'))?.id ?? ''),
    );
    expect(await verifyPassword('a-long-secret-1', hash ?? '')).toBe(true);

    expect(liaison(['rep', 'deactivate', '--email', 'ana@hengda.example']).code).toBe(0);
    expect(liaison(['rep', 'list', '--site', 'demo']).out).toMatch(
      /inactive\s+rep\s+ana@hengda\.example/,
    );
  });

  it("changes roles and brings reps back, but never takes a site's last active admin", () => {
    // Mr. Moore Liu is the demo site's only admin (seeded by the test before).
    for (const args of [
      ['rep', 'deactivate', '--email', 'moore.liu@example.com'],
      ['rep', 'role', '--email', 'moore.liu@example.com', '--role', 'rep'],
    ]) {
      const refused = liaison(args);
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(
        /would leave the site with no active (rep|admin): add or promote/,
      );
    }
    expect(liaison(['rep', 'activate', '--email', 'ana@hengda.example']).code).toBe(0);
    expect(
      liaison(['rep', 'role', '--email', 'ana@hengda.example', '--role', 'admin']),
    ).toMatchObject({ code: 0, out: expect.stringMatching(/ana@hengda\.example is now an admin/) });
    // With another admin, Mr. Moore Liu can step down.
    expect(liaison(['rep', 'role', '--email', 'moore.liu@example.com', '--role', 'rep']).code).toBe(
      0,
    );
    expect(liaison(['rep', 'list', '--site', 'demo']).out).toMatch(
      /active\s+admin\s+ana@hengda\.example/,
    );
    expect(liaison(['rep', 'role', '--email', 'ana@hengda.example', '--role', 'boss']).err).toMatch(
      /--role must be one of/,
    );
  });

  it.each([
    [
      ['rep', 'add', '--site', 'nope', '--email', 'x@y.example', '--name', 'X'],
      /No site has the key "nope"/,
    ],
    [
      ['rep', 'add', '--site', 'demo', '--email', 'not-an-email', '--name', 'X'],
      /is not an email address/,
    ],
    [
      ['rep', 'add', '--site', 'demo', '--email', 'moore.liu@example.com', '--name', 'X'],
      /already exists/,
    ],
    [
      ['rep', 'add', '--site', 'demo', '--email', 'x@y.example', '--name', 'X', '--role', 'boss'],
      /--role must be one of: rep, admin/,
    ],
    [['rep', 'add', '--site', 'demo', '--email', 'x@y.example'], /Missing --name/],
    [['rep', 'add', '--bogus'], /Unknown option '--bogus'/],
    [
      ['rep', 'password', '--email', 'ghost@example.com'],
      /No rep has the email ghost@example\.com/,
    ],
    [['rep', 'frobnicate'], /Unknown command "rep frobnicate"/],
    [['team'], /Unknown command group "team"/],
  ])('refuses %j with a clear message and exit 1', (args, message) => {
    const run = liaison(args);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(message);
  });

  it('refuses a short password and never takes one as an argument', () => {
    const short = liaison(['rep', 'password', '--email', 'moore.liu@example.com'], 'short\n');
    expect(short).toMatchObject({ code: 1, err: expect.stringMatching(/at least 10 characters/) });
    const asArgument = liaison([
      'rep',
      'password',
      '--email',
      'moore.liu@example.com',
      '--password',
      'x',
    ]);
    expect(asArgument.code).toBe(1);
  });

  it.each([
    [['--help']],
    [['rep', '--help']],
    [['rep', 'add', '--help']],
    [['rep', 'password', '--help']],
  ])('shows help for %j', (args) => {
    const run = liaison(args);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/Usage: .*npm run liaison --/);
  });
});

describe('npm run liaison -- on a database of another release', () => {
  const list = (file: string) => liaison(['rep', 'list', '--site', 'demo'], '', file);

  it('names a DATABASE_URL it cannot open, without a stack trace', () => {
    const run = list(dir);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/DATABASE_URL: cannot open the SQLite file/);
    expect(run.err).not.toMatch(/\n\s+at /);
  });

  it('migrates a new database, so a site can be set up before the server first starts', () => {
    const file = join(dir, 'new.sqlite');
    const run = list(file);
    expect(run).toMatchObject({
      code: 1,
      err: expect.stringMatching(/No site has the key "demo"/),
    });
    // Visitors' data: the file and its WAL are the server user's alone.
    for (const f of [file, `${file}-wal`]) {
      if (existsSync(f)) expect(statSync(f).mode & 0o777, f).toBe(0o600);
    }
  });

  it('leaves one an older server runs on as it is, and says to start this release first', async () => {
    const file = join(dir, 'older.sqlite');
    const db = openSqlite(file);
    await migrateTo(db, '0010-delivery-owners');
    await db.destroy();
    const run = list(file);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(
      /lacks this release's migrations \(0011-team-turns[^)]*\)[\s\S]*Start this release's server first/,
    );
    const after = openSqlite(file);
    expect((await migrationState(after)).pending[0]).toBe('0011-team-turns');
    await after.destroy();
  });

  it('refuses one a newer release migrated', async () => {
    const file = join(dir, 'newer.sqlite');
    const db = openSqlite(file);
    await migrateToLatest(db);
    await sql`insert into kysely_migration (name, timestamp) values ('0099-future', '2027-01-01')`.execute(
      db,
    );
    await db.destroy();
    expect(list(file)).toMatchObject({
      code: 1,
      err: expect.stringMatching(/migrated by a newer release \(0099-future\)/),
    });
  });
});

/** Receives `bodies` on the demo site (seeded by the first test) as the server would. */
async function receiveInquiries(bodies: Record<string, unknown>[]): Promise<void> {
  await withStore(async (store) => {
    const site = await store.findSiteByKey('demo');
    if (!site) throw new Error('the demo site is seeded by the first test');
    const deps = {
      store,
      clock: () => new Date(),
      newId: createIdFactory(),
      secret: 'cli-test-secret-cli-test-secret-42',
      events: createLocalEventBus(),
    };
    for (const body of bodies) {
      await receiveInquiry(deps, site, InquiryInput.parse(body), { minFormMs: 0 });
    }
  });
}

describe('npm run liaison -- visitor', () => {
  it('exports a visitor as JSON, and deletes them only with --yes', async () => {
    await receiveInquiries([inquiryBody({ email: 'jane@buyer.example' })]);
    const exported = liaison([
      'visitor',
      'export',
      '--site',
      'demo',
      '--email',
      'jane@buyer.example',
    ]);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.out)).toMatchObject({ site: 'demo', inquiries: [{}] });

    const asked = liaison(['visitor', 'delete', '--site', 'demo', '--email', 'jane@buyer.example']);
    expect(asked).toMatchObject({
      code: 1,
      err: expect.stringMatching(/would delete 1 inquiry of jane@buyer\.example on demo for good/),
    });
    const deleted = liaison([
      'visitor',
      'delete',
      '--site',
      'demo',
      '--email',
      'jane@buyer.example',
      '--yes',
    ]);
    expect(deleted).toMatchObject({ code: 0, out: expect.stringMatching(/Deleted 1 inquiry/) });
    const after = liaison(['visitor', 'export', '--site', 'demo', '--email', 'jane@buyer.example']);
    expect(JSON.parse(after.out)).toMatchObject({ inquiries: [] });
  });

  it('writes the whole of a large export into a pipe before it exits', async () => {
    const count = 60;
    await receiveInquiries(
      Array.from({ length: count }, (_, i) =>
        inquiryBody({
          email: 'long@buyer.example',
          message: `Inquiry ${i}: ${'please quote valves '.repeat(390)}`,
        }),
      ),
    );
    // About 480 KB into a pipe read a second late (as `docker exec ... | gzip` may): a pipe
    // holds 64 KB, and what stdout still held at process.exit() was lost, with exit code 0.
    const command = `"${process.execPath}" --import tsx server/cli/main.ts visitor export --site demo --email long@buyer.example; echo "exit $?" >&2`;
    const run = spawnSync('sh', ['-c', `(${command}) | (sleep 1; cat)`], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: database },
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    expect(run.stderr).toContain('exit 0');
    expect(run.stdout.length).toBeGreaterThan(400_000);
    expect((JSON.parse(run.stdout) as { inquiries: unknown[] }).inquiries).toHaveLength(count);
  });
});
