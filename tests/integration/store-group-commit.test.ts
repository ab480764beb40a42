import { type Kysely, sql, type Transaction } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../server/storage/database';
import { groupCommit } from '../../server/storage/group-commit';
import { openStore, type OpenedStore } from '../../server/storage/open-store';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// Writes sharing transactions (storage/group-commit.ts), on the engine under test. The rows
// are throttle counters: a table with a unique key and nothing else hanging on it.

let t: TestDatabase;
let other: OpenedStore;
let releaseHeld = () => {};
beforeEach(async () => {
  t = await createTestDatabase();
  other = openStore(t.config);
});
afterEach(async () => {
  // A test that failed while holding transactions open lets them end.
  releaseHeld();
  await other.db.destroy();
  await t.close();
});

const row = (key: string) => ({ key, failures: 0, windowStart: 'w', lockedUntil: null });

/**
 * Writes `key-first` then `key`: a repeated key fails after its first row is written. While
 * the gate is closed (`hold`), every write waits there after its first row, its transaction
 * open. `groups` lists the keys each transaction was given, in the order the transactions
 * began; `open` counts the transactions begun and not yet ended, `most` the most at once.
 */
function recordingWrites(writers = 1) {
  const transactions: Array<Transaction<Database>> = [];
  const groups: string[][] = [];
  const counted = { open: 0, most: 0 };
  let gate: Promise<void> = Promise.resolve();
  let release = () => {};
  const hold = () => {
    gate = new Promise((resolve) => (release = resolve));
    releaseHeld = release;
  };
  // The database as the group commit sees it, counting its transactions.
  const counting = {
    transaction: () => ({
      execute: async <R>(work: (trx: Transaction<Database>) => Promise<R>): Promise<R> => {
        counted.open++;
        counted.most = Math.max(counted.most, counted.open);
        try {
          return await t.db.transaction().execute(work);
        } finally {
          counted.open--;
        }
      },
    }),
  } as unknown as Kysely<Database>;
  const { write, settled } = groupCommit(
    counting,
    async (trx, key: string) => {
      if (!transactions.includes(trx)) {
        transactions.push(trx);
        groups.push([]);
      }
      groups[transactions.indexOf(trx)]?.push(key);
      await trx
        .insertInto('throttles')
        .values(row(`${key}-first`))
        .execute();
      await gate;
      await trx.insertInto('throttles').values(row(key)).execute();
    },
    { writers },
  );
  return { write, settled, groups, counted, hold, release: () => release() };
}

/** Hands each key over from a callback of its own, as requests arrive: all in one turn. */
const apart = (write: (key: string) => Promise<void>, keys: string[]) =>
  Promise.all(
    keys.map(
      (k) => new Promise<void>((done, fail) => setImmediate(() => write(k).then(done, fail))),
    ),
  );

const turn = () => new Promise((resolve) => setImmediate(resolve));

/** Lets turns of the event loop pass until `done` (a few seconds at most). */
async function until(done: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('waited too long');
    await turn();
  }
}

async function storedKeys(): Promise<string[]> {
  // Through another connection (pool): only what is committed.
  const rows = await other.db.selectFrom('throttles').select('key').orderBy('key').execute();
  return rows.map((r) => r.key);
}

describe('group commit', () => {
  it('writes what is handed over in one turn of the event loop in one transaction', async () => {
    // As requests arrive: each from a callback of its own. On SQLite, whose driver does not
    // wait, a transaction started at once was committed before the next callback ran.
    const { write, groups } = recordingWrites();
    const keys = Array.from({ length: 10 }, (_, i) => `k${i}`);
    await apart(write, keys);
    expect(groups).toEqual([keys]);
    expect(await storedKeys()).toEqual(keys.flatMap((k) => [k, `${k}-first`]).sort());
  });

  it('writes what arrives during a transaction together in the next', async () => {
    const { write, groups, counted, hold, release } = recordingWrites();
    hold();
    const first = write('first');
    await until(() => groups.length === 1);
    const later = apart(write, ['a', 'b', 'c']);
    for (let i = 0; i < 5; i++) await turn();
    expect(groups).toEqual([['first']]);
    release();
    await Promise.all([first, later]);
    expect(groups).toEqual([['first'], ['a', 'b', 'c']]);
    expect(counted.most).toBe(1);
    expect(await storedKeys()).toEqual(
      ['a', 'a-first', 'b', 'b-first', 'c', 'c-first', 'first', 'first-first'].sort(),
    );
  });

  it('writes up to `writers` transactions at once', async () => {
    const { write, groups, counted, hold, release } = recordingWrites(2);
    hold();
    // The first transaction held open; x1..x3 take the second writer; y1..y3 wait for one.
    const first = write('first');
    await until(() => counted.open === 1);
    const xs = apart(write, ['x1', 'x2', 'x3']);
    await until(() => counted.open === 2);
    const ys = apart(write, ['y1', 'y2', 'y3']);
    for (let i = 0; i < 5; i++) await turn();
    expect(counted.open).toBe(2);
    release();
    await Promise.all([first, xs, ys]);
    expect(counted.most).toBe(2);
    expect([...groups].sort()).toEqual([['first'], ['x1', 'x2', 'x3'], ['y1', 'y2', 'y3']]);
    expect(await storedKeys()).toHaveLength(14);
  });

  it('gives a burst of more than one group to every free writer', async () => {
    const { write, counted, hold, release } = recordingWrites(2);
    hold();
    // More than one transaction takes (64), all in one turn.
    const burst = apart(
      write,
      Array.from({ length: 80 }, (_, i) => `b${i}`),
    );
    await until(() => counted.open === 2);
    release();
    await burst;
    expect(counted.most).toBe(2);
    expect(await storedKeys()).toHaveLength(160);
  });

  it('says it is done when a write was taken by a running writer before its own could start', async () => {
    // With two writers, a write handed over while one writes schedules a start of its own; on
    // SQLite the running writer takes it first and ends before that start comes.
    let inner: Promise<void> | undefined;
    const { write, settled } = groupCommit(
      t.db,
      async (trx, key: string) => {
        if (key === 'outer') inner = write('inner');
        await trx.insertInto('throttles').values(row(key)).execute();
      },
      { writers: 2 },
    );
    const outer = write('outer');
    await settled();
    await Promise.all([outer, inner]);
    expect(await storedKeys()).toEqual(['inner', 'outer']);
  });

  it('rolls a failed write back alone: its caller gets the error, the others are stored', async () => {
    const { write, groups } = recordingWrites();
    const results = await Promise.allSettled(['a', 'b', 'c', 'b', 'd'].map((k) => write(k)));
    // All five together; then the failed b once more, alone (and failing again).
    expect(groups).toEqual([['a', 'b', 'c', 'b', 'd'], ['b']]);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    // The repeated b's first row ("b-first" again) failed; nothing of it is left, and the first
    // b, written in the same transaction, is whole.
    expect(await storedKeys()).toEqual(
      ['a', 'a-first', 'b', 'b-first', 'c', 'c-first', 'd', 'd-first'].sort(),
    );
  });

  it('tries a write that failed in a shared transaction once more on its own', async () => {
    let failures = 1;
    const { write } = groupCommit(t.db, async (trx, key: string) => {
      // A neighbour's lock or a deadlock: fails once, in the shared transaction.
      if (key === 'unlucky' && failures-- > 0) throw new Error('deadlock detected');
      await trx.insertInto('throttles').values(row(key)).execute();
    });
    const results = await Promise.allSettled(['first', 'x', 'unlucky', 'y'].map((k) => write(k)));
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    expect(await storedKeys()).toEqual(['first', 'unlucky', 'x', 'y']);
  });

  it('tries every write of a shared commit that failed once more alone', async () => {
    // A constraint checked only at commit: one write breaks the shared commit for all.
    await sql`create table poison (
      id text primary key,
      site_id text references sites (id) deferrable initially deferred
    )`.execute(t.db);
    const { write } = groupCommit(t.db, async (trx, key: string) => {
      if (key === 'poison') {
        await sql`insert into poison (id, site_id) values (${key}, 'no such site')`.execute(trx);
      } else {
        await trx.insertInto('throttles').values(row(key)).execute();
      }
    });
    const results = await Promise.allSettled(['first', 'x', 'poison', 'y'].map((k) => write(k)));
    // All four together, whose commit fails; then each alone.
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(await storedKeys()).toEqual(['first', 'x', 'y']);
  });

  it('says when every write handed over is done', async () => {
    const { write, settled } = recordingWrites();
    await settled();
    const done: string[] = [];
    const writes = ['s1', 's2', 's3', 's2'].map((k) =>
      write(k).then(
        () => done.push(k),
        () => done.push(`${k} failed`),
      ),
    );
    await settled();
    expect(done.sort()).toEqual(['s1', 's2', 's2 failed', 's3']);
    await Promise.all(writes);
  });

  it('answers each caller only once its write is committed', async () => {
    const { write } = recordingWrites();
    const seen = await Promise.all(
      ['x', 'y', 'z'].map(async (k) => {
        await write(k);
        return { k, keys: await storedKeys() };
      }),
    );
    for (const { k, keys } of seen) expect(keys).toEqual(expect.arrayContaining([k, `${k}-first`]));
  });

  it('fails a lone write as a whole, and goes on with the next', async () => {
    const { write } = recordingWrites();
    await write('solo');
    await expect(write('solo')).rejects.toThrow();
    await write('next');
    expect(await storedKeys()).toEqual(['next', 'next-first', 'solo', 'solo-first']);
  });
});
