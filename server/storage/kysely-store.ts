import type { Kysely, Transaction } from 'kysely';
import { attachmentQueries } from './attachment-queries';
import { authQueries } from './auth-queries';
import type { Database } from './database';
import { exclusiveQueries } from './exclusive-queries';
import { inquiryListQueries } from './inquiry-list-queries';
import { inquiryQueries } from './inquiry-queries';
import { outboxQueries } from './outbox-queries';
import { routingQueries } from './routing-queries';
import type { SearchAdapter } from './search';
import { keptSiteConfig } from './site-config';
import { siteQueries } from './site-queries';
import { tokenQueries } from './token-queries';
import type { Assigning, Store } from './store';
import { webhookQueries } from './webhook-queries';

/** What the engine can do beyond the SQL both engines share. */
export interface StoreOptions {
  /**
   * `FOR UPDATE SKIP LOCKED` when claiming outbox rows and choosing inquiries to purge
   * (PostgreSQL): a process never waits for a row another one is writing; SQLite has one
   * writer at a time and no row locks.
   */
  skipLocked?: boolean;
  /** Inquiry transactions written at once (storage/group-commit.ts): 1 suits SQLite. */
  writers?: number;
  /**
   * Rate-limit counters committed without waiting for the disk (PostgreSQL's
   * `synchronous_commit = off`, for that transaction alone): two per inquiry, each an fsync
   * otherwise. The sign-in link transaction too, whose wait would otherwise tell which emails
   * have accounts. SQLite in WAL mode with `synchronous = NORMAL` never waits at a commit.
   */
  relaxedCounters?: boolean;
  /** Advisory locks for `Store.exclusively` (PostgreSQL); SQLite serves one process. */
  advisoryLocks?: boolean;
  /**
   * How an erasure or the retention purge runs its deletion, when the engine needs more than a
   * transaction for deleted text to leave it (SQLite: `erasingSqlite`; PostgreSQL:
   * `erasingPostgres`).
   */
  erase?: ErasingTransaction;
}

/**
 * Runs a deletion in a transaction of its own, thoroughly. `everyWord`: a visitor's erasure,
 * which takes every word of theirs out of PostgreSQL's word list, the planner's common ones too
 * (the retention purge leaves those, which would cost it most; full-text.ts).
 */
export type ErasingTransaction = (
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<void>,
  options?: { everyWord?: boolean },
) => Promise<void>;

/** The Store on any Kysely dialect; the dialect factory alone knows the engine. */
export function createKyselyStore(
  db: Kysely<Database>,
  search: SearchAdapter,
  {
    skipLocked = false,
    writers = 1,
    relaxedCounters = false,
    advisoryLocks = false,
    erase,
  }: StoreOptions = {},
): Store {
  const turns: ReturnType<Store['givenTurns']> = new Map();
  const assigning: Assigning = { held: new Map(), written: [], reading: [], next: 0 };
  const sites = siteQueries(db);
  const routing = routingQueries(db);
  const webhooks = webhookQueries(db);
  return {
    givenTurns: () => turns,
    assigning: () => assigning,
    ...sites,
    ...inquiryQueries(db, { writers, skipLocked, erase }),
    ...inquiryListQueries(db, search),
    ...tokenQueries(db),
    ...authQueries(db, { relaxedCounters }),
    ...outboxQueries(db, { skipLocked }),
    ...routing,
    siteConfig: keptSiteConfig({ ...sites, ...routing, ...webhooks }),
    ...attachmentQueries(db),
    ...webhooks,
    ...exclusiveQueries(db, { advisoryLocks }),
  };
}
