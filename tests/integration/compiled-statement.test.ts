import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compiledStatement } from '../../server/storage/compiled-statement';
import type { Database } from '../../server/storage/database';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// Statements compiled once and run with new values (storage/compiled-statement.ts) answer as
// the query builder does, on each engine.

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.close();
});

type Throttle = { key: string; failures: number; windowStart: string };

const inserted = compiledStatement((db: Kysely<Database>, ...rows: Throttle[]) =>
  db.insertInto('throttles').values(rows),
);
const found = compiledStatement((db: Kysely<Database>, v: { key: string }) =>
  db.selectFrom('throttles').selectAll().where('key', '=', v.key),
);
const built = (db: Kysely<Database>, key: string) =>
  db.selectFrom('throttles').selectAll().where('key', '=', key).execute();

const row = (key: string, failures = 1): Throttle => ({
  key,
  failures,
  windowStart: '2026-11-29T08:00:00.000Z',
});

describe('compiledStatement', () => {
  it('answers rows as the builder does, named as the plugins name them', async () => {
    await inserted(t.db, row('a', 2));
    const { rows } = await found(t.db, { key: 'a' });
    expect(rows).toEqual(await built(t.db, 'a'));
    expect(rows).toEqual([
      { key: 'a', failures: 2, windowStart: '2026-11-29T08:00:00.000Z', lockedUntil: null },
    ]);
    expect((await found(t.db, { key: 'b' })).rows).toEqual([]);
  });

  it('takes any number of rows, each count compiled apart', async () => {
    await inserted(t.db, row('a'));
    await inserted(t.db, row('b'), row('c'), row('d', 4));
    await inserted(t.db, row('e'), row('f'));
    for (const key of ['a', 'b', 'c', 'd', 'e', 'f']) {
      expect((await found(t.db, { key })).rows).toHaveLength(1);
    }
    expect((await found(t.db, { key: 'd' })).rows[0]?.failures).toBe(4);
  });

  it('compiles a row of other names apart', async () => {
    const upsert = compiledStatement(
      (db: Kysely<Database>, v: Throttle | (Throttle & { lockedUntil: string })) =>
        db.insertInto('throttles').values(v),
    );
    await upsert(t.db, row('a'));
    await upsert(t.db, { ...row('b'), lockedUntil: '2026-11-29T09:00:00.000Z' });
    expect((await found(t.db, { key: 'a' })).rows[0]?.lockedUntil).toBeNull();
    expect((await found(t.db, { key: 'b' })).rows[0]?.lockedUntil).toBe('2026-11-29T09:00:00.000Z');
  });

  it("counts affected rows, and runs in a transaction as the transaction's", async () => {
    const bumped = compiledStatement((db: Kysely<Database>, v: { key: string }) =>
      db
        .updateTable('throttles')
        .set((eb) => ({ failures: eb('failures', '+', 1) }))
        .where('key', '=', v.key),
    );
    await inserted(t.db, row('a'));
    expect((await bumped(t.db, { key: 'a' })).numAffectedRows).toBe(1n);
    expect((await bumped(t.db, { key: 'nope' })).numAffectedRows).toBe(0n);
    await expect(
      t.db.transaction().execute(async (trx) => {
        await bumped(trx, { key: 'a' });
        expect((await found(trx, { key: 'a' })).rows[0]?.failures).toBe(3);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await found(t.db, { key: 'a' })).rows[0]?.failures).toBe(2);
  });

  it('sends values through the plugins as the builder does (NUL on PostgreSQL)', async () => {
    const key = 'a\0b';
    await inserted(t.db, row(key));
    await t.db.insertInto('throttles').values(row('c\0d')).execute();
    const stored = await t.db.selectFrom('throttles').select('key').orderBy('key').execute();
    const expected = t.engine === 'postgres' ? ['a\uFFFDb', 'c\uFFFDd'] : ['a\0b', 'c\0d'];
    expect(stored.map((r) => r.key)).toEqual(expected);
    // A lookup by such a value finds what the builder's finds.
    expect((await found(t.db, { key })).rows).toEqual(await built(t.db, key));
  });

  it('refuses, at the first call, a statement that computes from a value', async () => {
    const limited = compiledStatement((db: Kysely<Database>, v: { most: number }) =>
      db
        .selectFrom('throttles')
        .selectAll()
        .limit(v.most + 1),
    );
    await expect(limited(t.db, { most: 1 })).rejects.toThrow('most is no parameter');
  });

  it('refuses an undefined value, which the builder would leave out, and stores nothing', async () => {
    // Bound as it stands, lockedUntil would be NULL where the builder gives the column its default.
    const loose = { ...row('u'), lockedUntil: undefined } as unknown as Throttle;
    await expect(inserted(t.db, loose)).rejects.toThrow('lockedUntil is undefined');
    expect((await found(t.db, { key: 'u' })).rows).toEqual([]);
  });
});
