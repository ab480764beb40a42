import { createServer, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import { createHttp } from './app';
import { createClientAddress } from './http/client-address';
import { ConfigError, loadConfig } from './config';
import { ConfigFileError, readConfigFile } from './config-file';
import { applyConfigFile } from './domain/apply-config';
import { DEMO_SITE_KEY, seedDemo } from './demo-seed';
import { deliveryHandlers } from './domain/delivery-handlers';
import { WEBHOOK } from './domain/webhook-events';
import { createLocalEventBus, withEndableStreams } from './domain/events';
import { reportUndelivered } from './domain/admin-notices';
import { escalateOverdue } from './domain/escalation';
import { purgeExpired } from './domain/privacy';
import { unreachableSites } from './domain/reachability';
import { createOutboxWorker, type DeliveryHandler } from './domain/outbox';
import { createPeriodic } from './domain/periodic';
import { createSignInLink, signInUrl } from './domain/sign-in-link';
import { isLiveReplyToken, receiveInboundReply } from './domain/inbound-reply';
import { createInboundServer } from './mail/inbound-server';
import type { Mailer } from './mail/mailer';
import { createSmtpMailer } from './mail/smtp-mailer';
import { createIdFactory } from './ids';
import { resolveSecret } from './secret';
import { createLogger, drainStdout } from './ops/log';
import { createReadinessCheck } from './ops/readiness';
import { migrateToLatest, migrationState } from './storage/migrate';
import { openStore } from './storage/open-store';
import { createPostgresEventBus } from './storage/postgres-events';

const root = join(import.meta.dirname, '..');

// Never called: without SMTP_URL the worker is given no mail handler (see below).
const noMailer: Mailer = {
  send: () => Promise.reject(new Error('SMTP_URL is not set')),
};

/** How many webhook receivers are called at once (each its calls in order, one at a time). */
const WEBHOOK_LANES = 4;
const DEMO_LINK_MS = 7 * 24 * 60 * 60 * 1000;
/** How long a stop waits for requests under way: within `docker stop`'s 10 s before SIGKILL. */
const STOP_GRACE_MS = 8_000;
/** When a stop gives up waiting for the work in the background, still inside those 10 s. */
const STOP_DEADLINE_MS = 9_500;
/** How long an exit waits for stdout to take the last log lines (a reader that lags). */
const LOG_DRAIN_MS = 300;

async function main() {
  const config = loadConfig();
  // One JSON object per line (ops/log.ts); start-up messages keep their "[part]" prefix.
  const logger = createLogger({ level: config.logLevel });
  const log = (line: string) => logger.info(line);
  const logError = (message: string, err: unknown) => logger.error(message, { err });

  const { db, store } = openStore(config.database, {
    onConnectionLost: (message) => logger.warn(message),
  });
  const where = config.database.engine === 'sqlite' ? config.database.path : 'PostgreSQL';
  // A migration that fills in a large table can take a while: say which one runs.
  const ran = await migrateToLatest(db, (name, ms, line) =>
    log(
      line !== undefined
        ? `[db] ${name}: ${line}`
        : ms === null
          ? `[db] migrating ${where}: ${name}...`
          : `[db] ${name} done in ${(ms / 1000).toFixed(1)} s`,
    ),
  );
  if (ran.length > 0) log(`[db] migrated ${where}: ${ran.map((r) => r.migrationName).join(', ')}`);
  // SECRET_KEY, or a key kept beside the SQLite file (config.ts requires it on PostgreSQL).
  const secret = config.secretKey ?? resolveSecret(null, config.databasePath).secret;
  // Several processes may share PostgreSQL: live events travel between them by NOTIFY.
  const events = withEndableStreams(
    config.database.engine === 'postgres'
      ? await createPostgresEventBus({ url: config.database.url, db, log })
      : { ...createLocalEventBus(), close: async () => {} },
  );
  const deps = {
    store,
    clock: () => new Date(),
    newId: createIdFactory(),
    secret,
    events,
    publicUrl: config.publicUrl,
  };

  const file = readConfigFile(config.configFile);
  if (!file) log(`[config] no ${config.configFile}: sites, reps and rules are those stored`);
  // The demo site is for a first look: a config file that declares its own sites only, as in
  // production, gets none (nor a sign-in link in the log).
  const wantsDemo = !file || file.sites.some((site) => site.key === DEMO_SITE_KEY);
  const seeded = wantsDemo ? await seedDemo(store, config.publicUrl) : null;
  if (seeded) {
    const linkId = await createSignInLink(deps, seeded, DEMO_LINK_MS);
    log('[seed] created the demo site "demo" with its rep Mr. Moore Liu <moore.liu@example.com>');
    log(`[seed] sign in to the inbox as Mr. Moore Liu with this one-time link (valid 7 days):`);
    log(`[seed]   ${signInUrl(config.publicUrl, secret, linkId)}`);
    log('[seed] or set a password: npm run liaison -- rep password --email moore.liu@example.com');
  }

  if (file) {
    const applying = { ...deps, allowPrivateWebhooks: config.webhooksAllowPrivate };
    for (const line of await applyConfigFile(applying, file, config.configFile))
      log(`[config] ${config.configFile}: ${line}`);
  }

  const unreachable = await unreachableSites(store);
  if (unreachable.length > 0) {
    const why = unreachable.map(({ key, why }) =>
      why === 'no active rep'
        ? `inquiries to "${key}" would reach nobody (no active rep)`
        : `inquiries to "${key}" that no rep can take now would wait unseen (no active admin: only admins see the queue)`,
    );
    throw new ConfigError(
      `Refusing to start: ${why.join('; ')}.\n` +
        '  Add one: npm run liaison -- rep add --site KEY --email E --name N [--role admin]   (or in liaison.config.json, with "role": "admin")',
    );
  }

  const { app, frontDoor } = createHttp({
    ...deps,
    clientAddress: createClientAddress(config.trustProxy),
    abuse: config.abuse,
    allowPrivateWebhooks: config.webhooksAllowPrivate,
    assets: { widgetDir: join(root, 'dist'), demoDir: join(root, 'demo') },
    logger,
    readiness: createReadinessCheck({ db, migrations: () => migrationState(db), logger }),
    metricsToken: config.metricsToken,
    processMetrics: true,
  });

  // Mail needs SMTP_URL; webhooks go out either way. Without SMTP the worker takes only the
  // webhook rows, and mail waits in the outbox until a process with SMTP_URL sends it.
  const mailer = config.smtpUrl
    ? createSmtpMailer({
        url: config.smtpUrl,
        from: config.mailFrom,
        // A send must give up well within the lease, or another sender could take the row.
        timeoutMs: Math.floor(config.outboxLeaseMs / 3),
      })
    : null;
  const handlers = deliveryHandlers(
    {
      store,
      mailer: mailer ?? noMailer,
      secret,
      publicUrl: config.publicUrl,
      inboundDomain: config.inboundDomain,
      clock: deps.clock,
    },
    {
      allowPrivate: config.webhooksAllowPrivate,
      timeoutMs: Math.min(10_000, Math.floor(config.outboxLeaseMs / 3)),
    },
  );
  // Mail and webhooks in workers of their own: mail goes one at a time, and a webhook receiver
  // that never answers (10 s a call) would hold the reps' mail up behind it.
  // Without SMTP there is only the webhooks' worker, and mail waits in the outbox until a
  // process with SMTP_URL sends it.
  const workerFor = (kinds: Record<string, DeliveryHandler>, concurrency = 1) =>
    createOutboxWorker({
      store,
      concurrency,
      pollMs: config.outboxPollMs,
      leaseMs: config.outboxLeaseMs,
      onFailed: (delivery) => reportUndelivered(deps, delivery),
      onError: logError,
      handlers: kinds,
      onResult: (d, r) => {
        if (r.outcome === 'retry' || r.outcome === 'failed') {
          logger.warn(`[outbox] ${d.kind} ${d.id}: ${r.outcome}`, { error: r.error });
        }
      },
    });
  const { [WEBHOOK]: webhook, ...mail } = handlers;
  const workers = [
    // Webhooks, WEBHOOK_LANES receivers at a time: one that hangs holds up its own calls only.
    ...(webhook ? [workerFor({ [WEBHOOK]: webhook }, WEBHOOK_LANES)] : []),
    ...(mailer ? [workerFor(mail)] : []),
  ];
  for (const worker of workers) worker.start();
  const stopOutbox = async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    mailer?.close();
  };
  if (!mailer) {
    const waiting = await store.countDeliveries('pending');
    log(`[mail] SMTP_URL is not set: mail waits in the outbox (${waiting} pending) until it is.`);
  }

  const escalation = createPeriodic(
    'escalation',
    () => escalateOverdue(deps),
    config.escalationPollMs,
    logError,
  );
  escalation.start();
  // Closed and spam inquiries past their site's retention period go, hourly; first a minute
  // after start, so that a process restarted more often than hourly still purges.
  const retention = createPeriodic(
    'retention',
    () => purgeExpired(store, new Date()),
    3_600_000,
    logError,
    60_000,
  );
  retention.start();

  let stopInbound = async () => {};
  if (config.inbound) {
    const inbound = createInboundServer({
      port: config.inbound.port,
      // Reachable from outside: the domain's MX points here (TLS is terminated in front).
      host: '0.0.0.0',
      domain: config.inbound.domain,
      isKnownToken: (token) => isLiveReplyToken(deps, token),
      onReply: (reply) => receiveInboundReply(deps, reply, config.abuse),
      onError: (err) => logError('[inbound] SMTP receiver error', err),
    });
    const port = await inbound.listen();
    log(`[mail] receiving replies for reply+TOKEN@${config.inbound.domain} on SMTP port ${port}`);
    stopInbound = () => inbound.close();
  } else if (config.inboundDomain) {
    log(
      `[mail] mail carries reply+TOKEN@${config.inboundDomain}; another process receives the replies (SMTP_INBOUND_PORT is not set here).`,
    );
  } else {
    log('[mail] INBOUND_DOMAIN is not set: replies go straight to the visitor or rep.');
  }

  // Kept widget-config answers are sent before the app is reached (http/front-door.ts).
  const listener = frontDoor(getRequestListener(app.fetch));
  // Stopping, each answer not begun yet closes its connection, so that a kept-alive one
  // brings no more requests. Those under way are known by their response; an answer the front
  // door sent at once is never among them.
  let stopping = false;
  const underWay = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    if (stopping) res.shouldKeepAlive = false;
    listener(req, res);
    if (!res.writableEnded && !stopping) {
      underWay.add(res);
      res.once('close', () => underWay.delete(res));
    }
  });
  server.listen(config.port, () =>
    log(`[http] Liaison listening on ${config.publicUrl} (port ${config.port})`),
  );

  const shutdown = async (signal: string) => {
    log(`[http] ${signal}: shutting down`);
    stopping = true;
    // Whatever is still waiting then (a query sent to a database that fell silent without
    // closing its connections never returns) is left: what was committed is kept, a claimed
    // delivery comes due again after its lease, and an inquiry not yet committed had no 201.
    const deadline = setTimeout(() => {
      logger.error(`[http] did not stop within ${STOP_DEADLINE_MS} ms: exiting with work left`);
      void drainStdout(LOG_DRAIN_MS).then(() => process.exit(1));
    }, STOP_DEADLINE_MS).unref();
    for (const res of underWay) if (!res.headersSent) res.shouldKeepAlive = false;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Live-event streams never end on their own: they end now (their clients reconnect, to
    // another process behind the same address). Requests under way get STOP_GRACE_MS to finish
    // (a sign-in waiting out its throttle, a long CSV export), then their connections close.
    events.endStreams();
    server.closeIdleConnections();
    setTimeout(() => {
      server.closeAllConnections();
    }, STOP_GRACE_MS).unref();
    // The work in the background stops beside the requests, not after them: the mail being
    // sent is finished meanwhile, and nothing more is claimed.
    await Promise.all([escalation.stop(), retention.stop(), stopInbound(), stopOutbox()]);
    await closed;
    await events.close();
    // A request cut off at the grace's end may still have its inquiry waiting for a commit.
    await store.writesSettled();
    await db.destroy();
    clearTimeout(deadline);
    log('[http] stopped');
    await drainStdout(LOG_DRAIN_MS);
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof ConfigFileError) console.error(err.message);
  else console.error('[start] failed:', err);
  process.exit(1);
});
