import { deliveryHandlers } from '../../server/domain/delivery-handlers';
import { reportUndelivered } from '../../server/domain/admin-notices';
import { createOutboxWorker, type OutboxWorker } from '../../server/domain/outbox';
import type { MailContext } from '../../server/domain/mail-context';
import type { Mailer } from '../../server/mail/mailer';
import { createSmtpMailer } from '../../server/mail/smtp-mailer';
import { startSmtpSink, type SmtpSink } from './smtp-sink';
import { PUBLIC_URL, SECRET, type TestApp } from './test-app';

/** What the mail handlers need, on the test app's store and clock, mailing through `mailer`. */
export const mailContextOf = (
  t: TestApp,
  mailer: Mailer,
  inboundDomain: string | null = null,
): MailContext => ({
  store: t.store,
  mailer,
  secret: SECRET,
  publicUrl: PUBLIC_URL,
  inboundDomain,
  clock: () => t.now.value,
});

/** The test app's outbox with every delivery handler, mailing into a fresh SMTP sink. */
export interface MailWorker {
  worker: OutboxWorker;
  sink: SmtpSink;
  close(): Promise<void>;
}

/**
 * Starts a sink and an outbox worker on the test app's clock; run it with `worker.runOnce()`.
 * With `reportFailures`, a delivery it gives up on is reported to the site's admins, as the
 * server does (server/main.ts).
 */
export async function startMailWorker(
  t: TestApp,
  inboundDomain: string | null = null,
  { reportFailures = false }: { reportFailures?: boolean } = {},
): Promise<MailWorker> {
  const sink = await startSmtpSink();
  const mailer = createSmtpMailer({ url: sink.url, from: 'Liaison <liaison@localhost>' });
  const worker = createOutboxWorker({
    store: t.store,
    clock: () => t.now.value,
    handlers: deliveryHandlers(mailContextOf(t, mailer, inboundDomain)),
    ...(reportFailures && {
      onFailed: (delivery) =>
        reportUndelivered({ store: t.store, newId: t.newId, clock: () => t.now.value }, delivery),
    }),
  });
  return {
    worker,
    sink,
    async close() {
      mailer.close();
      await sink.close();
    },
  };
}
