import { type Kysely, sql, type Transaction } from 'kysely';
import { compiledStatement } from './compiled-statement';
import type { Database } from './database';

/** How many writes one transaction takes at most. */
const MAX_GROUP = 64;

// Each write's savepoint, compiled once (compiled-statement.ts).
const savepoint = compiledStatement((_db: Kysely<Database>) => sql`savepoint grouped_write`);
const rollbackTo = compiledStatement(
  (_db: Kysely<Database>) => sql`rollback to savepoint grouped_write`,
);
const release = compiledStatement((_db: Kysely<Database>) => sql`release savepoint grouped_write`);

export interface GroupCommit<T> {
  /** Writes `item` in the next shared transaction; resolves once that commits. */
  write(item: T): Promise<void>;
  /** Resolves once every write handed over is committed or has failed (a graceful stop). */
  settled(): Promise<void>;
}

interface Pending<T> {
  item: T;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * `write` run in shared transactions. A write waits for the end of the event loop's turn
 * (`setImmediate`): the writes handed over in that turn, and those that arrive while a
 * transaction is being written, go together in the next one, each in a savepoint of its own.
 * Waiting for the turn's end is what makes a group on SQLite: its driver is synchronous, so a
 * transaction started at once was committed before the next request was even read, and under
 * load every inquiry paid a commit of its own. A write that fails there is rolled back alone
 * and tried once more in a transaction of its own (a neighbour's locks, a deadlock between two
 * shared transactions on PostgreSQL, must not cost it anything); its caller gets that attempt's
 * outcome. When the shared commit itself fails, every write of it is tried once more alone, the
 * same way. Each caller is answered only after the commit that holds its write (so a 201 still
 * means stored). Under load, one commit (on SQLite the WAL append, on PostgreSQL the flush to
 * disk) serves many requests.
 */
export function groupCommit<T>(
  db: Kysely<Database>,
  write: (trx: Transaction<Database>, item: T) => Promise<void>,
  {
    writers = 1,
  }: {
    /**
     * Transactions written at once: 1 on SQLite (one writer at a time anyway); several on
     * PostgreSQL, whose pool has connections that would otherwise wait idle.
     */
    writers?: number;
  } = {},
): GroupCommit<T> {
  let waiting: Array<Pending<T>> = [];
  let writing = 0;
  let whenSettled: Array<() => void> = [];
  // A start is due at the end of this turn.
  let starting = false;

  async function writeGroup(group: Array<Pending<T>>): Promise<void> {
    const failed = new Map<Pending<T>, unknown>();
    try {
      await db.transaction().execute(async (trx) => {
        if (group.length === 1 && group[0]) return write(trx, group[0].item);
        for (const pending of group) {
          await savepoint(trx);
          try {
            await write(trx, pending.item);
          } catch (err) {
            failed.set(pending, err);
            await rollbackTo(trx);
          }
          await release(trx);
        }
      });
    } catch (err) {
      // The transaction itself failed: nothing of it is stored. A lone write's error is its
      // caller's; a shared commit that failed (a neighbour's deferred constraint, a
      // serialization failure) is tried again write by write, so one write cannot cost the rest.
      // Each write keeps its ids, so a commit that did land before its answer was lost makes
      // the retry fail on them rather than store anything twice.
      if (group.length === 1) {
        for (const pending of group) pending.reject(failed.get(pending) ?? err);
        return;
      }
      for (const pending of group) await writeGroup([pending]);
      return;
    }
    for (const pending of group) if (!failed.has(pending)) pending.resolve();
    for (const pending of failed.keys()) await writeGroup([pending]);
  }

  async function drain(): Promise<void> {
    writing++;
    while (waiting.length > 0) {
      const group = waiting.slice(0, MAX_GROUP);
      waiting = waiting.slice(group.length);
      await writeGroup(group);
    }
    writing--;
    settleIfIdle();
  }

  function start(): void {
    starting = false;
    // Each drain takes its first group before it waits: a burst of more than one group goes
    // to every free writer.
    while (writing < writers && waiting.length > 0) void drain();
    // A running writer may have taken the writes this start was due for.
    settleIfIdle();
  }

  function settleIfIdle(): void {
    if (writing > 0 || starting) return;
    for (const settle of whenSettled) settle();
    whenSettled = [];
  }

  return {
    write: (item) =>
      new Promise<void>((resolve, reject) => {
        waiting.push({ item, resolve, reject });
        if (!starting && writing < writers) {
          starting = true;
          setImmediate(start);
        }
      }),
    settled: () =>
      writing === 0 && !starting
        ? Promise.resolve()
        : new Promise((resolve) => whenSettled.push(resolve)),
  };
}
