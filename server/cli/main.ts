import { ConfigError, loadConfig } from '../config';
import { migrateToLatest } from '../storage/migrate';
import { openStore } from '../storage/open-store';
import { readSecretLine } from './read-secret';
import { REP_HELP, runRepCommand, UsageError } from './rep-commands';
import { runVisitorCommand, VISITOR_HELP } from './visitor-commands';

const HELP = `Usage: npm run liaison -- <group> <command> [options]

Groups:
  rep      add, password, deactivate, list (npm run liaison -- rep --help)
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
  const config = loadConfig();
  const { db, store } = openStore(config.database);
  try {
    await migrateToLatest(db);
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

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError || err instanceof ConfigError) console.error(err.message);
    else console.error('liaison: failed:', err);
    process.exit(1);
  },
);
