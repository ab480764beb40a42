import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DELIVERY_FAILED_NOTICE,
  NOTICE_MAIL,
  reportUndelivered,
} from '../../server/domain/admin-notices';
import { deliveryHandlers } from '../../server/domain/delivery-handlers';
import { createOutboxWorker, type OutboxWorker } from '../../server/domain/outbox';
import { createSmtpMailer } from '../../server/mail/smtp-mailer';
import type { Delivery } from '../../server/storage/store';
import { addRep } from '../support/inbox-client';
import { mailContextOf } from '../support/mail-worker';
import { createTestApp, type TestApp } from '../support/test-app';

// An admin notice goes out as one mail per admin, each a delivery of its own: a mailbox the
// mail server refuses for good (someone who left), or for a while (full), does not keep the
// notice from the others, nor send it to them again.

let server: SMTPServer;
let mailer: ReturnType<typeof createSmtpMailer>;
let t: TestApp;
let worker: OutboxWorker;
let delivered: string[];

beforeEach(async () => {
  delivered = [];
  server = new SMTPServer({
    // The package's built-in certificate has expired: plain SMTP on loopback only.
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onRcptTo(address, _session, done) {
      if (address.address.startsWith('gone@'))
        return done(Object.assign(new Error('No such user'), { responseCode: 550 }));
      if (address.address.startsWith('full@'))
        return done(Object.assign(new Error('Mailbox full'), { responseCode: 452 }));
      done();
    },
    onData(stream, session, done) {
      stream.resume();
      stream.on('end', () => {
        delivered.push(...session.envelope.rcptTo.map((r) => r.address));
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  mailer = createSmtpMailer({ url, from: 'Liaison <liaison@localhost>', timeoutMs: 5000 });
  t = await createTestApp();
  const clock = () => t.now.value;
  worker = createOutboxWorker({
    store: t.store,
    clock,
    handlers: deliveryHandlers(mailContextOf(t, mailer)),
    // As the server does: what is given up on is reported to the admins.
    onFailed: (delivery) => reportUndelivered({ store: t.store, newId: t.newId, clock }, delivery),
  });
});
afterEach(async () => {
  mailer.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await t.close();
});

/** A delivery of the demo site given up on: its notice to the admins is queued. */
async function undelivered(): Promise<void> {
  const site = await t.store.findSiteByKey('demo');
  const failed = { id: 'd-failed', kind: 'rep-notification', siteId: site?.id ?? '' };
  await t.store.enqueue(
    [{ ...failed, inquiryId: null, payload: {}, dedupeKey: 'rep-notification:d-failed' }],
    t.now.value.toISOString(),
  );
  await reportUndelivered({ store: t.store, newId: t.newId, clock: () => t.now.value }, {
    ...failed,
    inquiryId: null,
    payload: {},
  } as unknown as Delivery);
}

const rows = (kind: string) =>
  t.db.selectFrom('deliveries').select(['state', 'payload']).where('kind', '=', kind).execute();

describe('an admin notice', () => {
  it('reaches the other admins past a refused mailbox, whose mail alone fails', async () => {
    // First by name, before Mr. Moore Liu, the demo's admin.
    await addRep(t, { email: 'gone@hengda.example', name: 'Aaron Gone', role: 'admin' });
    await addRep(t, { email: 'boss@hengda.example', name: 'Ms. Boss', role: 'admin' });
    await undelivered();
    await worker.runOnce();
    expect(delivered.sort()).toEqual(['boss@hengda.example', 'moore.liu@example.com']);
    const mails = await rows(NOTICE_MAIL);
    expect(mails.map((m) => m.state).sort()).toEqual(['failed', 'sent', 'sent']);
    // Not reported in turn: a notice about undelivered mail would go round.
    expect(await rows(DELIVERY_FAILED_NOTICE)).toHaveLength(1);
  });

  it('is not sent to the others again while one mailbox is full', async () => {
    await addRep(t, { email: 'full@hengda.example', name: 'Mr. Full', role: 'admin' });
    await addRep(t, { email: 'boss@hengda.example', name: 'Ms. Boss', role: 'admin' });
    await undelivered();
    for (let attempt = 0; attempt < 4; attempt++) {
      await worker.runOnce();
      t.now.value = new Date(t.now.value.getTime() + 3 * 3_600_000);
    }
    expect(delivered.sort()).toEqual(['boss@hengda.example', 'moore.liu@example.com']);
    // The full mailbox's mail waits for its next try, on its own.
    const mails = await rows(NOTICE_MAIL);
    expect(mails.map((m) => m.state).sort()).toEqual(['pending', 'sent', 'sent']);
  });
});
