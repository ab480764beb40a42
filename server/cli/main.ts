import { ConfigError, loadConfig } from '../config';
import type { Kysely } from 'kysely';
import { migrateToLatest, migrationState } from '../storage/migrate';
import { openStore } from '../storage/open-store';
import { Cancelled, readSecretLine } from './read-secret';
import { REP_HELP, runRepCommand, UsageError } from './rep-commands';
import { runVisitorCommand, VISITOR_HELP } from './visitor-commands';

const HELP = `Usage: npm run liaison -- <group> <command> [options]

Groups:
  rep      add, password, deactivate, activate, role, list (npm run liaison -- rep --help)
  visitor  export, delete one visitor's data (npm run liaison -- visitor --help)

The database is DATABASE_URL's, as for the server.`;

// The operators' command line: `npm run liaison -- rep add ...`.
async function main(args: string[]): Promise<number> {
  const [group, ...rest] = args;
  if (!group || group === '--help' || group === 'help') {
    console.log(HELP);
    return 0;
  }
  if (group !== 'rep' && group !== 'visitor') {
    throw new UsageError(`Unknown command group "${group}".\n\n${HELP}`);
  }
  if (rest.length === 0 || rest[0] === '--help') {
    console.log(group === 'rep' ? REP_HELP : VISITOR_HELP);
    return 0;
  }
  const config = loadConfig(process.env, { needsSecret: false });
  const { db, store } = openStore(config.database);
  try {
    await readyMigrations(db);
    const io = {
      out: (line: string) => console.log(line),
      readPassword: () => readSecretLine('New password: '),
    };
    if (group === 'rep') await runRepCommand(store, rest, io);
    else await runVisitorCommand(store, rest, io, new Date());
    return 0;
  } finally {
    await db.destroy();
  }
}

/**
 * A new database is migrated, so a site can be set up before the server first starts. One at
 * another release's level is left alone: migrating it under a running server of the older
 * release breaks that server (its queries meet the new schema), and a newer one's is not ours.
 */
async function readyMigrations<T>(db: Kysely<T>): Promise<void> {
  const { applied, pending, unknown } = await migrationState(db);
  if (unknown.length > 0) {
    throw new UsageError(
      `This database was migrated by a newer release (${unknown.join(', ')}): use that release's command line.`,
    );
  }
  if (applied.length === 0) {
    await migrateToLatest(db);
    return;
  }
  if (pending.length > 0) {
    throw new UsageError(
      `This database lacks this release's migrations (${pending.join(', ')}). Start this release's server first (it migrates as it starts), then run the command again.`,
    );
  }
}

/**
 * Exits once stdout and stderr have written what they hold: into a pipe their writes are
 * asynchronous, and process.exit() at once cut a large export short (still exiting 0).
 */
function exitAfterOutput(code: number): void {
  let open = 2;
  const done = () => --open === 0 && process.exit(code);
  process.stdout.write('', done);
  process.stderr.write('', done);
}

main(process.argv.slice(2)).then(exitAfterOutput, (err: unknown) => {
  if (err instanceof UsageError || err instanceof ConfigError || err instanceof Cancelled) {
    console.error(err.message);
  } else console.error('liaison: failed:', err);
  exitAfterOutput(1);
});
