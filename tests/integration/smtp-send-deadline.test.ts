import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboxWorker } from '../../server/domain/outbox';
import { createSmtpMailer } from '../../server/mail/smtp-mailer';
import type { OutgoingMail } from '../../server/mail/mailer';
import { enqueueOne } from '../support/one-delivery';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// A server that answers every step just within nodemailer's step timeouts (a tarpit) must
// not keep a send going past the outbox's lease: the send as a whole has a deadline.

const STEP_MS = 450; // each answer's delay, under the step timeouts below
const TIMEOUT_MS = 600; // step timeouts and, by default, the deadline of the whole send
const STEPS = 4; // greeting, MAIL FROM, RCPT TO, end of DATA: 1800 ms to send one mail

interface Tarpit {
  url: string;
  /** Mails the server took (answered 250 to their data). */
  accepted: number;
  close(): Promise<void>;
}

async function startTarpit(): Promise<Tarpit> {
  const state = { accepted: 0 };
  const slowly = (done: () => void) => void sleep(STEP_MS).then(done);
  const server = new SMTPServer({
    // The package's built-in certificate has expired: plain SMTP on loopback only.
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onConnect: (_session, done) => slowly(done),
    onMailFrom: (_address, _session, done) => slowly(done),
    onRcptTo: (_address, _session, done) => slowly(done),
    onData(stream, _session, done) {
      stream.resume();
      stream.on('end', () =>
        slowly(() => {
          state.accepted += 1;
          done();
        }),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    get accepted() {
      return state.accepted;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const mail: OutgoingMail = {
  messageId: '<d-1@localhost>',
  to: { address: 'rep@example.com' },
  subject: 'New inquiry',
  text: 'Hello',
  html: '<p>Hello</p>',
};

let tarpit: Tarpit;
let t: TestDatabase;
let mailer: ReturnType<typeof createSmtpMailer>;
beforeEach(async () => {
  tarpit = await startTarpit();
  t = await createTestDatabase();
  mailer = createSmtpMailer({
    url: tarpit.url,
    from: 'Liaison <liaison@localhost>',
    timeoutMs: TIMEOUT_MS,
  });
});
afterEach(async () => {
  mailer.close();
  await tarpit.close();
  await t.close();
});

/** Waits until the tarpit would have taken the mail, had the send gone on. */
const pastTheTarpit = () => sleep(STEPS * STEP_MS + 300);

describe('an SMTP send against a server slow at every step', () => {
  it('is abandoned at its deadline, and the server never takes the mail', async () => {
    await expect(mailer.send(mail)).rejects.toThrow(`SMTP send abandoned after ${TIMEOUT_MS} ms`);
    await pastTheTarpit();
    expect(tarpit.accepted).toBe(0);
  });

  it('is an attempt the outbox records as failed within the lease, to retry later', async () => {
    const leaseMs = 3 * TIMEOUT_MS; // as server/main.ts derives the timeouts from the lease
    await enqueueOne(t.store);
    const worker = createOutboxWorker({
      store: t.store,
      leaseMs,
      random: () => 0.5,
      handlers: { mail: () => mailer.send(mail) },
    });
    // The deadline, not the server, ended the send (no clock read: timings are never asserted).
    const [result] = await worker.runOnce();
    expect(result).toMatchObject({ id: 'd-1', outcome: 'retry' });
    // Recorded while the row was still this worker's: its lease gave way to the retry time.
    const row = await t.store.findDelivery('d-1');
    expect(row).toMatchObject({ state: 'pending', attempts: 1 });
    expect(row?.lastError).toBe(`SMTP send abandoned after ${TIMEOUT_MS} ms`);
    expect(row?.nextAttemptAt).toBe(result?.outcome === 'retry' ? result.retryAt : undefined);
    await pastTheTarpit();
    expect(tarpit.accepted).toBe(0);
  });
});
