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

// An admin notice goes to every admin at once (an escalation to the rep too): a mailbox the
// mail server refuses for good (someone who left) does not keep it from the others.

let server: SMTPServer;
let mailer: ReturnType<typeof createSmtpMailer>;
let t: TestApp;
let delivered: string[];
// Mails whose DATA the server holds until this many are in at once (0: none held).
let holdUntil: number;
let held: Array<() => void>;

beforeEach(async () => {
  delivered = [];
  holdUntil = 0;
  held = [];
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
        held.push(() => done());
        if (held.length >= holdUntil) for (const release of held.splice(0)) release();
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

describe('an admin notice to several admins', () => {
  it('mails them all at once, so that slow sends do not add up past the outbox lease', async () => {
    await addRep(t, { email: 'boss@hengda.example', name: 'Ms. Boss', role: 'admin' });
    await addRep(t, { email: 'chief@hengda.example', name: 'Mr. Chief', role: 'admin' });
    // The server answers none of them until all three are being sent: one at a time, the
    // first would wait for its send timeout and the notice fail.
    holdUntil = 3;
    await (
      await notice()
    )();
    expect(delivered.sort()).toEqual([
      'boss@hengda.example',
      'chief@hengda.example',
      'moore.liu@example.com',
    ]);
  });
});
