import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';

export interface Liaison {
  server: ServerProcess;
  sink: SmtpSink;
}

/** One real server (fresh SQLite file, demo seed) and SMTP sink per Playwright worker. */
export const test = base.extend<{ failOnPageError: void }, { liaison: Liaison }>({
  liaison: [
    // Playwright fixtures take their dependencies by destructuring; this one has none.
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'liaison-e2e-'));
      const sink = await startSmtpSink();
      const server = await startServerProcess({
        DATABASE_URL: join(dir, 'liaison.sqlite'),
        SMTP_URL: sink.url,
        OUTBOX_POLL_MS: '100',
      });
      await use({ server, sink });
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
