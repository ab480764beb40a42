import {
  Migrator,
  sql,
  type DatabaseIntrospector,
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResult,
  type MigrationResultSet,
} from 'kysely';
import { engineOf } from './migrations/engine';
import { initial } from './migrations/0001-initial';
import { conversations } from './migrations/0002-conversations';
import { routing } from './migrations/0003-routing';
import { idempotency } from './migrations/0004-idempotency';
import { privacy } from './migrations/0005-privacy';
import { proofOfWork } from './migrations/0006-proof-of-work';
import { attachments } from './migrations/0007-attachments';
import { webhooks } from './migrations/0008-webhooks';
import { searchVocabulary } from './migrations/0009-search-vocabulary';
import { deliveryOwners } from './migrations/0010-delivery-owners';
import { teamTurns } from './migrations/0011-team-turns';
import { ftsSecureDelete } from './migrations/0012-fts-secure-delete';
import { searchText } from './migrations/0013-search-text';
import { searchRank } from './migrations/0014-search-rank';
import { searchWords } from './migrations/0015-search-words';
import { northAmerica } from './migrations/0016-north-america';
import { unspacedScripts } from './migrations/0017-unspaced-scripts';
import { messageFiles } from './migrations/0018-message-files';
import { visitorEmailCase } from './migrations/0019-visitor-email-case';
import { handedAt } from './migrations/0020-handed-at';
import { firstReplyRep } from './migrations/0021-first-reply-rep';
import { deliveryLanes } from './migrations/0022-delivery-lanes';
import { configVersion } from './migrations/0023-config-version';
import { triggerSearchPath } from './migrations/0024-trigger-search-path';
import { searchListPlace } from './migrations/0025-search-list-place';
import { searchScope } from './migrations/0026-search-scope';

/** A migration; a long one may say how far it has come, a line at a time, as it runs. */
export interface TellingMigration extends Migration {
  up(db: Kysely<any>, tell?: (line: string) => void): Promise<void>;
}

// Names sort in the order they run; a new migration gets the next number.
const migrations = {
  '0001-initial': initial,
  '0002-conversations': conversations,
  '0003-routing': routing,
  '0004-idempotency': idempotency,
  '0005-privacy': privacy,
  '0006-proof-of-work': proofOfWork,
  '0007-attachments': attachments,
  '0008-webhooks': webhooks,
  '0009-search-vocabulary': searchVocabulary,
  '0010-delivery-owners': deliveryOwners,
  '0011-team-turns': teamTurns,
  '0012-fts-secure-delete': ftsSecureDelete,
  '0013-search-text': searchText,
  '0014-search-rank': searchRank,
  '0015-search-words': searchWords,
  '0016-north-america': northAmerica,
  '0017-unspaced-scripts': unspacedScripts,
  '0018-message-files': messageFiles,
  '0019-visitor-email-case': visitorEmailCase,
  '0020-handed-at': handedAt,
  '0021-first-reply-rep': firstReplyRep,
  '0022-delivery-lanes': deliveryLanes,
  '0023-config-version': configVersion,
  '0024-trigger-search-path': triggerSearchPath,
  '0025-search-list-place': searchListPlace,
  '0026-search-scope': searchScope,
} satisfies Record<string, TellingMigration>;

/** Every migration this release knows (also what /readyz compares the database with). */
export const migrationProvider: MigrationProvider = { getMigrations: async () => migrations };

/** How a database's migrations compare with this release's. */
export interface MigrationState {
  /** Applied, of those this release knows. */
  applied: string[];
  /** This release's, not applied yet. */
  pending: string[];
  /** Applied by a newer release: this one does not know them. */
  unknown: string[];
}

/** What is applied to `db`, against this release's migrations; nothing on a new database. */
export async function migrationState<T>(
  db: Kysely<T>,
  provider: MigrationProvider = migrationProvider,
): Promise<MigrationState> {
  const known = await (await migratorFor(db, provider)).getMigrations();
  const names = new Set(known.map((m) => m.name));
  let recorded: string[] = [];
  try {
    // Kysely's bookkeeping table, in the connection's own schema on PostgreSQL.
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    recorded = rows.map((r) => r.name);
  } catch {
    // No such table: a new database.
  }
  return {
    applied: known.filter((m) => m.executedAt !== undefined).map((m) => m.name),
    pending: known.filter((m) => m.executedAt === undefined).map((m) => m.name),
    unknown: recorded.filter((name) => !names.has(name)).sort(),
  };
}

/**
 * Told as each migration starts, how far it has come if it says (`line`), and when it has run
 * (its milliseconds), for progress lines.
 */
export type MigrationProgress = (name: string, ms: number | null, line?: string) => void;

/** Brings the schema to the latest version; returns what ran, or throws naming the failed step. */
export async function migrateToLatest<T>(
  db: Kysely<T>,
  progress?: MigrationProgress,
): Promise<MigrationResult[]> {
  return outcome(
    await (
      await migratorFor(db, progress ? telling(progress) : migrationProvider)
    ).migrateToLatest(),
  );
}

/** Brings the schema to migration `name`, up or down (tests of a migration's data steps). */
export async function migrateTo<T>(
  db: Kysely<T>,
  name: keyof typeof migrations,
): Promise<MigrationResult[]> {
  return outcome(await (await migratorFor(db)).migrateTo(name));
}

/**
 * Kysely's Migrator for `db` (start-up, tests, and /readyz, which reads what is applied): on
 * PostgreSQL, kept to the connection's own schema.
 */
export async function migratorFor<T>(
  db: Kysely<T>,
  provider: MigrationProvider = migrationProvider,
): Promise<Migrator> {
  if (engineOf(db) !== 'postgres') return new Migrator({ db, provider });
  // On PostgreSQL, Kysely finds its bookkeeping tables in any schema unless told which one:
  // the schema this connection works in (search_path), so installations can share a database.
  const schema = await currentSchema(db);
  return new Migrator({ db: seeingOnly(db, schema), provider, migrationTableSchema: schema });
}

/**
 * `db` for Kysely's Migrator, with an introspection that lists the tables of `schema` alone.
 * Its own reads every column of every schema's tables (pg_get_serial_sequence on each), which
 * fails when another installation sharing the database, or another test, drops a table
 * meanwhile: a start-up or a test then failed now and then for nothing of its own.
 */
function seeingOnly<T>(db: Kysely<T>, schema: string): Kysely<T> {
  const introspection: DatabaseIntrospector = {
    getSchemas: () => db.introspection.getSchemas(),
    async getTables() {
      const { rows } = await sql<{ name: string; kind: string }>`select c.relname as name,
        c.relkind as kind from pg_catalog.pg_class c
        join pg_catalog.pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ${schema} and c.relkind in ('r', 'p', 'v')`.execute(db);
      return rows.map((r) => ({ name: r.name, schema, isView: r.kind === 'v', columns: [] }));
    },
    async getMetadata() {
      return { tables: await this.getTables() };
    },
  };
  return new Proxy(db, {
    get(target, key) {
      if (key === 'introspection') return introspection;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The migrations, each telling `progress` when it starts and how long it took. */
function telling(progress: MigrationProgress): MigrationProvider {
  const told = Object.entries(migrations).map(([name, migration]): [string, Migration] => [
    name,
    {
      async up(db) {
        progress(name, null);
        const start = performance.now();
        await migration.up(db, (line) => progress(name, null, line));
        progress(name, performance.now() - start);
      },
      down: migration.down,
    },
  ]);
  return { getMigrations: async () => Object.fromEntries(told) };
}

function outcome({ error, results = [] }: MigrationResultSet): MigrationResult[] {
  if (error) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${String(error)}`, { cause: error });
  }
  return results;
}

async function currentSchema<T>(db: Kysely<T>): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema ?? 'public';
}
