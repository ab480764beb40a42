import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { freePort, startServerProcess, type ServerProcess } from '../support/server-process';
import { addressOf, startSmtpSink, type SmtpSink } from '../support/smtp-sink';

const ROOT = join(import.meta.dirname, '../..');

export interface Liaison {
  server: ServerProcess;
  sink: SmtpSink;
  /** The server's SQLite file, for the CLI. */
  databaseUrl: string;
  /** The inbound receiver's port and the domain of its reply addresses. */
  inbound: { port: number; domain: string };
}

/** The demo rep, whose password every worker sets at start. */
export const MOORE = { email: 'moore.liu@example.com', password: 'moore-demo-password' };

/** The rep's notification about an inquiry from `visitorEmail` (its Email row names them). */
export function repMailAbout(liaison: Liaison, visitorEmail: string) {
  return liaison.sink.waitFor(
    (m) => addressOf(m.to) === MOORE.email && (m.text ?? '').includes(`Email: ${visitorEmail}`),
  );
}

/** Sets a rep's password with the operators' CLI, the password on stdin as a person would. */
export function setPassword(liaison: Liaison, email: string, password: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'server/cli/main.ts', 'rep', 'password', '--email', email],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: liaison.databaseUrl },
        stdio: ['pipe', 'ignore', 'pipe'],
      },
    );
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`rep password failed: ${err}`)),
    );
    child.stdin.end(`${password}\n`);
  });
}

/** Signs in through the API and returns the session cookie. */
export async function signIn(
  liaison: Liaison,
  email = MOORE.email,
  password = MOORE.password,
): Promise<string> {
  const res = await fetch(`${liaison.server.url}/api/inbox/auth/password`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: new URL(liaison.server.url).origin },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('sign-in set no cookie');
  return cookie;
}

/** Posts a rep reply (as Mr. Moore Liu) through the inbox API. */
export async function postRepReply(
  liaison: Liaison,
  inquiryId: string,
  body: string,
): Promise<void> {
  const cookie = await signIn(liaison);
  const res = await fetch(`${liaison.server.url}/api/inbox/inquiries/${inquiryId}/messages`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Origin: new URL(liaison.server.url).origin,
      Cookie: cookie,
    },
    body: JSON.stringify({ body, kind: 'reply' }),
  });
  if (res.status !== 201) throw new Error(`reply failed: ${res.status} ${await res.text()}`);
}

/**
 * One real server per Playwright worker: a fresh SQLite file with the demo seed, an SMTP sink
 * for outgoing mail, and the inbound receiver for reply addresses.
 */
export const test = base.extend<{ failOnPageError: void }, { liaison: Liaison }>({
  liaison: [
    // Playwright fixtures take their dependencies by destructuring; this one has none.
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'liaison-e2e-'));
      const databaseUrl = join(dir, 'liaison.sqlite');
      const sink = await startSmtpSink();
      const inbound = { port: await freePort(), domain: 'reply.liaison.test' };
      const server = await startServerProcess({
        DATABASE_URL: databaseUrl,
        SMTP_URL: sink.url,
        OUTBOX_POLL_MS: '100',
        SMTP_INBOUND_PORT: String(inbound.port),
        INBOUND_DOMAIN: inbound.domain,
      });
      const liaison = { server, sink, databaseUrl, inbound };
      await setPassword(liaison, MOORE.email, MOORE.password);
      await use(liaison);
      await server.stop();
      await sink.close();
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  // The widget must never throw into the host page: any uncaught page error fails the test.
  failOnPageError: [
    async ({ page }, use) => {
      const errors: Error[] = [];
      page.on('pageerror', (err) => errors.push(err));
      await use();
      if (errors.length > 0)
        throw new Error(`page errors: ${errors.map((e) => e.message).join('; ')}`);
    },
    { auto: true },
  ],
});

export { expect } from '@playwright/test';
