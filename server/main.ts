import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { seedDemo } from './demo-seed';
import { createOutboxWorker } from './domain/outbox';
import { REP_NOTIFICATION, repNotificationHandler } from './domain/rep-notification';
import { createSmtpMailer } from './mail/smtp-mailer';
import { createKyselyStore } from './storage/kysely-store';
import { migrateToLatest } from './storage/migrate';
import { openSqlite } from './storage/sqlite';

const root = join(import.meta.dirname, '..');

async function main() {
  const config = loadConfig();
  const log = config.logLevel === 'silent' ? () => {} : (line: string) => console.log(line);

  const db = openSqlite(config.databasePath);
  const ran = await migrateToLatest(db);
  if (ran.length > 0)
    log(`[db] migrated ${config.databasePath}: ${ran.map((r) => r.migrationName).join(', ')}`);
  const store = createKyselyStore(db);
  if (await seedDemo(store, config.publicUrl)) {
    log('[seed] created the demo site "demo" with its rep Mr. Moore Liu <moore.liu@example.com>');
  }

  const app = createApp({
    store,
    clock: () => new Date(),
    newId: randomUUID,
    publicUrl: config.publicUrl,
    assets: { widgetDir: join(root, 'dist'), demoDir: join(root, 'demo') },
  });

  let stopOutbox = async () => {};
  if (config.smtpUrl) {
    const mailer = createSmtpMailer({ url: config.smtpUrl, from: config.mailFrom });
    const worker = createOutboxWorker({
      store,
      pollMs: config.outboxPollMs,
      handlers: {
        [REP_NOTIFICATION]: repNotificationHandler({
          store,
          mailer,
          messageIdDomain: new URL(config.publicUrl).hostname,
        }),
      },
      onResult: (d, r) => {
        if (r.outcome !== 'sent' && r.outcome !== 'taken')
          log(`[outbox] ${d.kind} ${d.id}: ${r.outcome} (${r.error})`);
      },
    });
    worker.start();
    stopOutbox = async () => {
      await worker.stop();
      mailer.close();
    };
  } else {
    const waiting = await store.countDeliveries('pending');
    log(`[mail] SMTP_URL is not set: mail waits in the outbox (${waiting} pending) until it is.`);
  }

  const server = serve({ fetch: app.fetch, port: config.port }, () => {
    log(`[http] Liaison listening on ${config.publicUrl} (port ${config.port})`);
  });

  const shutdown = (signal: string) => {
    log(`[http] ${signal}: shutting down`);
    server.close(async () => {
      await stopOutbox();
      await db.destroy();
      process.exit(0);
    });
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error('[start] failed:', err);
  process.exit(1);
});
