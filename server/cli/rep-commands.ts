import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../../contract';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/passwords';
import type { Rep, Store } from '../storage/store';
import { freeHandle } from '../domain/handles';
import { whyUnreachable } from '../domain/reachability';
import { readSecretLine } from './read-secret';

/** A command's failure the user can fix; printed without a stack, exit code 1. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Where a command writes; tests collect the lines. */
export interface CliIo {
  out: (line: string) => void;
  readPassword: () => Promise<string>;
}

export const REP_HELP = `Usage: npm run liaison -- rep <command> [options]

Commands:
  add         --site KEY --email E --name N [--title T] [--role rep|admin] [--handle H]
              adds a rep (or admin) to a site
  password    --email E       sets the rep's password, read from stdin (never an argument)
  deactivate  --email E       stops the rep signing in and receiving inquiries
  activate    --email E       lets a deactivated rep sign in and receive inquiries again
  role        --email E --role rep|admin
                              makes the rep an admin, or an admin a rep
  list        --site KEY      lists the site's reps

A site keeps an active admin: deactivate and role refuse to take its last one away.

Each command takes --help.`;

const HELP: Record<string, string> = {
  add: `Usage: npm run liaison -- rep add --site KEY --email E --name N [--title T] [--role rep|admin] [--handle H]
  Adds a rep to the site KEY. --handle is the name the embed's data-rep uses (default: from --name).`,
  password: `Usage: printf '%s\\n' 'the new password' | npm run liaison -- rep password --email E
  Sets the rep's password (at least ${MIN_PASSWORD_LENGTH} characters), read from stdin; on a terminal it is typed without echo.`,
  deactivate: `Usage: npm run liaison -- rep deactivate --email E
  The rep can no longer sign in; their open sessions stop working. Not the site's last active admin.`,
  activate: `Usage: npm run liaison -- rep activate --email E
  The rep can sign in and receive inquiries again.`,
  role: `Usage: npm run liaison -- rep role --email E --role rep|admin
  Admins see every inquiry of the site and its administration. Not the site's last active admin's.`,
  list: `Usage: npm run liaison -- rep list --site KEY`,
};

const OPTIONS = {
  site: { type: 'string' },
  email: { type: 'string' },
  name: { type: 'string' },
  title: { type: 'string' },
  role: { type: 'string' },
  handle: { type: 'string' },
  help: { type: 'boolean' },
} as const;

/** Runs `rep <command> ...args`. */
export async function runRepCommand(store: Store, args: string[], io: CliIo): Promise<void> {
  const [command, ...rest] = args;
  if (!command || command === '--help' || command === 'help') return io.out(REP_HELP);
  const help = HELP[command];
  if (!help) throw new UsageError(`Unknown command "rep ${command}".\n\n${REP_HELP}`);
  let values: ReturnType<typeof parse>;
  try {
    values = parse(rest);
  } catch (err) {
    // parseArgs throws TypeError with a readable message for unknown or malformed options.
    if (err instanceof TypeError) throw new UsageError(`${err.message}\n\n${help}`);
    throw err;
  }
  if (values.help) return io.out(help);

  const need = (name: 'site' | 'email' | 'name' | 'role') => {
    const value = values[name]?.trim();
    if (!value) throw new UsageError(`Missing --${name}.\n\n${help}`);
    return value;
  };

  switch (command) {
    case 'add': {
      const site = await findSite(store, need('site'));
      const email = need('email').toLowerCase();
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
        throw new UsageError(`"${email}" is not an email address.`);
      if (await store.findRepByEmail(email))
        throw new UsageError(`A rep with the email ${email} already exists.`);
      const role = values.role ?? 'rep';
      if (!ROLES.includes(role as Role))
        throw new UsageError(`--role must be one of: ${ROLES.join(', ')}.`);
      const name = need('name');
      const handle = await freeHandle(store, site.id, values.handle ?? name);
      const rep: Rep = {
        id: randomUUID(),
        siteId: site.id,
        handle,
        name,
        title: values.title?.trim() || null,
        photoUrl: null,
        email,
        active: true,
        role: role as Role,
      };
      await store.createRep(rep);
      return io.out(`Added ${role} ${name} <${email}> to ${site.key} (data-rep="${handle}").`);
    }
    case 'password': {
      const rep = await findRep(store, need('email'));
      const password = await io.readPassword();
      if (password.length < MIN_PASSWORD_LENGTH) {
        throw new UsageError(`The password must have at least ${MIN_PASSWORD_LENGTH} characters.`);
      }
      await store.setPasswordHash(rep.id, await hashPassword(password));
      return io.out(`Password set for ${rep.email}.`);
    }
    case 'deactivate': {
      const rep = await findRep(store, need('email'));
      await keepReachable(store, rep, { active: false });
      await store.setRepActive(rep.id, false);
      return io.out(`Deactivated ${rep.email}.`);
    }
    case 'activate': {
      const rep = await findRep(store, need('email'));
      await store.setRepActive(rep.id, true);
      return io.out(`Activated ${rep.email}.`);
    }
    case 'role': {
      const rep = await findRep(store, need('email'));
      const role = need('role');
      if (!ROLES.includes(role as Role)) {
        throw new UsageError(`--role must be one of: ${ROLES.join(', ')}.`);
      }
      await keepReachable(store, rep, { role: role as Role });
      await store.updateRep(rep.id, { role: role as Role });
      return io.out(`${rep.email} is now ${role === 'admin' ? 'an admin' : 'a rep'}.`);
    }
    case 'list': {
      const site = await findSite(store, need('site'));
      const reps = await store.listReps(site.id);
      if (reps.length === 0) return io.out(`${site.key} has no reps.`);
      for (const r of reps) {
        io.out(
          [
            r.active ? 'active  ' : 'inactive',
            r.role.padEnd(5),
            r.email,
            `"${r.name}"`,
            `data-rep=${r.handle}`,
          ].join('  '),
        );
      }
      return;
    }
  }
}

function parse(args: string[]) {
  return parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false }).values;
}

async function findSite(store: Store, key: string) {
  const site = await store.findSiteByKey(key);
  if (!site) throw new UsageError(`No site has the key "${key}".`);
  return site;
}

async function findRep(store: Store, email: string) {
  const rep = await store.findRepByEmail(email);
  if (!rep) throw new UsageError(`No rep has the email ${email}.`);
  return rep;
}

// A change that would leave the rep's site with no active admin (or rep) is refused: the
// server would refuse to start on it (reachability.ts), and the queue would go unseen.
async function keepReachable(
  store: Store,
  rep: Rep,
  change: Partial<Pick<Rep, 'active' | 'role'>>,
): Promise<void> {
  const before = await store.listReps(rep.siteId);
  const after = before.map((r) => (r.id === rep.id ? { ...r, ...change } : r));
  const why = whyUnreachable(after);
  if (why && !whyUnreachable(before)) {
    throw new UsageError(
      `That would leave the site with ${why}: add or promote another admin first (rep add --role admin, or rep role --email E --role admin).`,
    );
  }
}
