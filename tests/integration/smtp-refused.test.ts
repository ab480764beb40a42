import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboxWorker } from '../../server/domain/outbox';
import { RecipientRefused, type OutgoingMail } from '../../server/mail/mailer';
import { createSmtpMailer } from '../../server/mail/smtp-mailer';
import { enqueueOne } from '../support/one-delivery';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// A mail server's answer to RCPT TO: 5xx (no such mailbox) is final, 4xx (mailbox busy, try
// later) is not. A final refusal fails the delivery at once, instead of eight tries over half
// an hour before the site's admins hear of it.

const refusal = (code: number, text: string) =>
  Object.assign(new Error(text), { responseCode: code });

let server: SMTPServer;
let url: string;
let t: TestDatabase;
let mailer: ReturnType<typeof createSmtpMailer>;

beforeEach(async () => {
  server = new SMTPServer({
    // The package's built-in certificate has expired: plain SMTP on loopback only.
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onMailFrom(address, _session, done) {
      // The server's own trouble, for every recipient: a quota reached.
      if (address.address.startsWith('quota@')) {
        return done(refusal(550, '5.4.5 Daily sending quota exceeded'));
      }
      done();
    },
    onRcptTo(address, _session, done) {
      if (address.address.startsWith('nobody@')) return done(refusal(550, 'No such user'));
      if (address.address.startsWith('busy@')) return done(refusal(450, 'Mailbox busy'));
      done();
    },
    onData(stream, _session, done) {
      stream.resume();
      stream.on('end', () => done());
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  mailer = createSmtpMailer({ url, from: 'Liaison <liaison@localhost>', timeoutMs: 5000 });
  t = await createTestDatabase();
});
afterEach(async () => {
  mailer.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await t.close();
});

const to = (address: string): OutgoingMail => ({
  messageId: `<${address}@localhost>`,
  to: { address },
  subject: 'New inquiry',
  text: 'Hello',
  html: '<p>Hello</p>',
});

async function deliverOnce(address: string) {
  await enqueueOne(t.store);
  const worker = createOutboxWorker({
    store: t.store,
    handlers: { mail: () => mailer.send(to(address)) },
  });
  const [result] = await worker.runOnce();
  return result;
}

describe('a recipient refused by the mail server', () => {
  it('for good (550) fails the delivery at its first attempt', async () => {
    await expect(mailer.send(to('nobody@example.com'))).rejects.toBeInstanceOf(RecipientRefused);
    expect(await deliverOnce('nobody@example.com')).toMatchObject({ outcome: 'failed' });
    expect(await t.store.findDelivery('d-1')).toMatchObject({ state: 'failed', attempts: 1 });
  });

  it('for now (450) is tried again later', async () => {
    expect(await deliverOnce('busy@example.com')).toMatchObject({ outcome: 'retry' });
    expect(await t.store.findDelivery('d-1')).toMatchObject({ state: 'pending', attempts: 1 });
  });

  it('is not what the server answers to the sender (a quota, 550): tried again later', async () => {
    const mailerAsQuota = createSmtpMailer({
      url,
      from: 'Liaison <quota@localhost>',
      timeoutMs: 5000,
    });
    try {
      await enqueueOne(t.store);
      const worker = createOutboxWorker({
        store: t.store,
        handlers: { mail: () => mailerAsQuota.send(to('rep@example.com')) },
      });
      expect((await worker.runOnce())[0]).toMatchObject({ outcome: 'retry' });
      expect(await t.store.findDelivery('d-1')).toMatchObject({ state: 'pending', attempts: 1 });
    } finally {
      mailerAsQuota.close();
    }
  });

  it('is not a refusal of a mailbox that exists', async () => {
    expect(await deliverOnce('rep@example.com')).toMatchObject({ outcome: 'sent' });
  });
});
