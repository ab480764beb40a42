import { parseArgs } from 'node:util';
import { countVisitorInquiries, deleteVisitor, visitorExport } from '../domain/privacy';
import type { Store } from '../storage/store';
import { UsageError, type CliIo } from './rep-commands';

export const VISITOR_HELP = `Usage: npm run liaison -- visitor <command> --site KEY --email E

Commands:
  export   prints everything stored about the visitor email on the site, as JSON
           (npm run --silent liaison -- visitor export ... > file.json)
  delete   deletes every inquiry of the visitor email on the site, with its messages and
           files, for good: without --yes it only says how many it would delete`;

/** Runs `visitor <command> ...args`: a visitor's right to their data, and to be forgotten. */
export async function runVisitorCommand(
  store: Store,
  args: string[],
  io: CliIo,
  now: Date,
): Promise<void> {
  const [command, ...rest] = args;
  if (!command || command === '--help' || command === 'help') return io.out(VISITOR_HELP);
  if (command !== 'export' && command !== 'delete') {
    throw new UsageError(`Unknown command "visitor ${command}".\n\n${VISITOR_HELP}`);
  }
  let values: { site?: string; email?: string; yes?: boolean; help?: boolean };
  try {
    values = parseArgs({
      args: rest,
      options: {
        site: { type: 'string' },
        email: { type: 'string' },
        yes: { type: 'boolean' },
        help: { type: 'boolean' },
      },
      strict: true,
    }).values;
  } catch (err) {
    // parseArgs throws TypeError with a readable message for unknown or malformed options.
    if (err instanceof TypeError) throw new UsageError(`${err.message}\n\n${VISITOR_HELP}`);
    throw err;
  }
  if (values.help) return io.out(VISITOR_HELP);
  if (!values.site || !values.email)
    throw new UsageError(`Missing --site or --email.\n\n${VISITOR_HELP}`);
  const site = await store.findSiteByKey(values.site);
  if (!site) throw new UsageError(`No site has the key "${values.site}".`);
  if (command === 'export') {
    // A piece at a time (an inquiry, a file): whitespace between them keeps it one JSON text.
    for await (const piece of visitorExport(store, site, values.email, now)) io.out(piece);
    return;
  }
  if (!values.yes) {
    const found = await countVisitorInquiries(store, site.id, values.email);
    throw new UsageError(
      `This would delete ${found} inquir${found === 1 ? 'y' : 'ies'} of ${values.email} on ${site.key} for good. Run it again with --yes to delete.`,
    );
  }
  const deleted = await deleteVisitor(store, site.id, values.email);
  io.out(
    `Deleted ${deleted} inquir${deleted === 1 ? 'y' : 'ies'} of ${values.email} on ${site.key}.`,
  );
}
