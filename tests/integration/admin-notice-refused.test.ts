import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliveryFailedNoticeHandler } from '../../server/domain/admin-notices';
import { RecipientRefused } from '../../server/mail/mailer';
import { createSmtpMailer } from '../../server/mail/smtp-mailer';
import type { Delivery } from '../../server/storage/store';
import { addRep } from '../support/inbox-client';
import { enqueueOne } from '../support/one-delivery';
import { createTestApp, type TestApp } from '../support/test-app';
import { mailContextOf } from '../support/mail-worker';

// An admin notice goes to each admin in turn (an escalation to the rep first): a mailbox the
// mail server refuses for good (someone who left) does not keep it from the others.

let server: SMTPServer;
let mailer: ReturnType<typeof createSmtpMailer>;
let t: TestApp;
let delivered: string[];

beforeEach(async () => {
  delivered = [];
  server = new SMTPServer({
    // The package's built-in certificate has expired: plain SMTP on loopback only.
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onRcptTo(address, _session, done) {
      if (!address.address.startsWith('gone@')) return done();
      done(Object.assign(new Error('No such user'), { responseCode: 550 }));
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
});
afterEach(async () => {
  mailer.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await t.close();
});

async function notice(): Promise<() => Promise<void>> {
  const site = await t.store.findSiteByKey('demo');
  await enqueueOne(t.store, { id: 'd-failed' });
  const handler = deliveryFailedNoticeHandler(mailContextOf(t, mailer));
  const delivery = {
    id: 'n-1',
    kind: 'delivery-failed-notice',
    payload: { deliveryId: 'd-failed', siteId: site?.id ?? '' },
  } as unknown as Delivery;
  return () => handler(delivery);
}

describe('an admin notice with a refused mailbox', () => {
  it('still reaches the other admins, then fails naming the refused', async () => {
    // First by name, before Mr. Moore Liu, the demo's admin.
    await addRep(t, { email: 'gone@hengda.example', name: 'Aaron Gone', role: 'admin' });
    await addRep(t, { email: 'boss@hengda.example', name: 'Ms. Boss', role: 'admin' });
    const send = await notice();
    await expect(send()).rejects.toThrow(/refused by the mail server: gone@/);
    expect(delivered.sort()).toEqual(['boss@hengda.example', 'moore.liu@example.com']);
  });

  it('fails for good when every admin is refused', async () => {
    const moore = await t.store.findRepByEmail('moore.liu@example.com');
    await t.store.updateRep(moore?.id ?? '', { role: 'rep' });
    await addRep(t, { email: 'gone@hengda.example', name: 'Aaron Gone', role: 'admin' });
    await expect((await notice())()).rejects.toBeInstanceOf(RecipientRefused);
    expect(delivered).toEqual([]);
  });
});
