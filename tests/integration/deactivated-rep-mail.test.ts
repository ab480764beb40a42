import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { escalateOverdue } from '../../server/domain/escalation';
import type { OutboxWorker } from '../../server/domain/outbox';
import { addRep, sendInquiry } from '../support/inbox-client';
import { startMailWorker, type MailWorker } from '../support/mail-worker';
import { addressOf, type SmtpSink } from '../support/smtp-sink';
import { createTestApp, SECRET, type TestApp } from '../support/test-app';

// A rep who has left (deactivated) is mailed nothing more about the inquiries still assigned
// to them: a visitor's follow-up is reported to the site's admins as undelivered instead, with
// a link to reassign it, and an escalation goes to the admins alone.

let t: TestApp;
let mail: MailWorker;
let sink: SmtpSink;
let worker: OutboxWorker;

beforeEach(async () => {
  t = await createTestApp();
  mail = await startMailWorker(t, null, { reportFailures: true });
  ({ worker, sink } = mail);
});
afterEach(async () => {
  await mail.close();
  await t.close();
});

const MOORE = 'moore.liu@example.com';
const ANA = 'ana@hengda.example';
const to = (address: string) => sink.mails.filter((m) => addressOf(m.to) === address);

describe('a deactivated rep', () => {
  it("is not mailed a visitor's follow-up; the admins hear it was not delivered", async () => {
    await addRep(t, { email: ANA, name: 'Ms. Ana Wu', role: 'admin' });
    const moore = await t.store.findRepByEmail(MOORE);
    const { id, token } = await sendInquiry(t);
    await worker.runOnce();
    expect(to(MOORE)).toHaveLength(1);

    await t.store.setRepActive(moore!.id, false);
    const res = await t.app.request(`/api/v1/conversations/${token}/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ body: 'Any news on the price?' }),
    });
    expect(res.status).toBe(201);
    await worker.runOnce();
    await worker.runOnce();
    expect(to(MOORE)).toHaveLength(1);
    const notices = to(ANA);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.subject).toMatch(/^Mail not delivered: rep-notification/);
    expect(notices[0]?.text).toContain('deactivated');
    expect(notices[0]?.text).toContain(`/inbox/inquiries/${id}`);
  });

  it('is left out of an escalation notice, which goes to the admins', async () => {
    await addRep(t, { email: ANA, name: 'Ms. Ana Wu', role: 'admin' });
    const moore = await t.store.findRepByEmail(MOORE);
    await sendInquiry(t);
    await worker.runOnce();
    await t.store.setRepActive(moore!.id, false);
    t.now.value = new Date(t.now.value.getTime() + 25 * 3_600_000);
    expect(
      await escalateOverdue({
        store: t.store,
        clock: () => t.now.value,
        newId: t.newId,
        events: t.events,
        secret: SECRET,
      }),
    ).toBe(1);
    await worker.runOnce();
    const escalations = sink.mails.filter((m) => m.subject?.startsWith('No reply within'));
    expect(escalations.map((m) => addressOf(m.to))).toEqual([ANA]);
  });
});
