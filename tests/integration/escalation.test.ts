import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/passwords';
import { escalateOverdue } from '../../server/domain/escalation';
import type { AdminStats } from '../../contract';
import type { Rep } from '../../server/storage/store';
import { reportUndelivered } from '../../server/domain/admin-notices';
import { deliveryHandlers } from '../../server/domain/delivery-handlers';
import { createOutboxWorker, type OutboxWorker } from '../../server/domain/outbox';
import { createSmtpMailer } from '../../server/mail/smtp-mailer';
import { freePort } from '../support/server-process';
import { addRep, inboxRequest, sendInquiry, signInAs } from '../support/inbox-client';
import { mailContextOf, startMailWorker, type MailWorker } from '../support/mail-worker';
import { addressOf, type SmtpSink } from '../support/smtp-sink';
import { advanceHours, escalationDeps } from '../support/escalation-clock';
import { demoSiteId, reassigningTeam } from '../support/escalation-team';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let sink: SmtpSink;
let worker: OutboxWorker;
let mail: MailWorker;
const MOORE = 'moore.liu@example.com';

beforeEach(async () => {
  t = await createTestApp();
  mail = await startMailWorker(t);
  ({ worker, sink } = mail);
});
afterEach(async () => {
  await mail.close();
  await t.close();
});

const deps = () => escalationDeps(t);
const hours = (n: number) => advanceHours(t, n);
const siteId = () => demoSiteId(t);

const reassigningToAna = (others: Rep[] = []) => reassigningTeam(t, others);

describe('the visitor acknowledgement', () => {
  it('tells the visitor in their language who answers and by when', async () => {
    await sendInquiry(t); // page language de-DE
    await worker.runOnce();
    const ack = await sink.waitFor((m) => addressOf(m.to) === 'jane@buyer.example');
    expect(ack.from?.value[0]?.name).toBe('Mr. Moore Liu');
    expect(ack.text).toContain('Mr. Moore Liu');
    expect(ack.text).toMatch(/24 Stunden/);
    expect(ack.text).toContain('Please quote 500 pieces');
  });
});

describe('escalation', () => {
  it('escalates an unanswered inquiry once after the promise, to the rep and the admins', async () => {
    await addRep(t, { email: 'boss@hengda.example', name: 'Ms. Boss', role: 'admin' });
    const { id } = await sendInquiry(t);
    await worker.runOnce();
    hours(23);
    expect(await escalateOverdue(deps())).toBe(0);
    hours(2);
    expect(await escalateOverdue(deps())).toBe(1);
    expect(await escalateOverdue(deps())).toBe(0);
    await worker.runOnce();
    for (const to of [MOORE, 'boss@hengda.example']) {
      const mail = await sink.waitFor(
        (m) => addressOf(m.to) === to && (m.subject ?? '').startsWith('No reply within 24 hours'),
      );
      expect(mail.text).toContain(`/inbox/inquiries/${id}`);
    }
    const messages = await t.store.listMessages(id);
    expect(messages.at(-1)).toMatchObject({
      authorKind: 'system',
      body: 'No reply within 24 hours: escalated to the admins',
    });
  });

  it('leaves answered inquiries alone and follows the site’s promise', async () => {
    const moore = await t.store.findRepByEmail(MOORE);
    await t.store.setPasswordHash(moore?.id ?? '', await hashPassword('password-123'));
    const cookie = await signInAs(t, MOORE);
    await t.store.updateSite(await siteId(), { replyPromiseHours: 2 });
    const answered = await sendInquiry(t, { email: 'a@buyer.example' });
    const waiting = await sendInquiry(t, { email: 'b@buyer.example' });
    await inboxRequest(t, cookie, 'POST', `/inquiries/${answered.id}/messages`, {
      body: 'Quote attached.',
      kind: 'reply',
    });
    hours(3);
    expect(await escalateOverdue(deps())).toBe(1);
    expect((await t.store.findInquiry(waiting.id))?.status).toBe('new');
    expect((await t.store.listMessages(answered.id)).some((m) => m.authorKind === 'system')).toBe(
      false,
    );
  });

  it('hands the inquiry to an available teammate when the site asks for it', async () => {
    const ana = await reassigningToAna();
    const moore = await t.store.findRepByEmail(MOORE);
    const { id } = await sendInquiry(t);
    expect((await t.store.findInquiry(id))?.repId).toBe(moore?.id);
    hours(25);
    await escalateOverdue(deps());
    expect((await t.store.findInquiry(id))?.repId).toBe(ana.id);
    expect((await t.store.listMessages(id)).map((m) => m.body)).toContain(
      'No reply within 24 hours: escalated to the admins and reassigned to Ms. Ana Wu',
    );
  });
});

describe('escalation racing a reply', () => {
  it('mails no escalation notice about an inquiry answered or closed before it went out', async () => {
    await addRep(t, { email: 'boss@hengda.example', name: 'Ms. Boss', role: 'admin' });
    const moore = await t.store.findRepByEmail(MOORE);
    await t.store.setPasswordHash(moore?.id ?? '', await hashPassword('password-123'));
    const cookie = await signInAs(t, MOORE);
    const answered = await sendInquiry(t, { email: 'a@buyer.example' });
    const closed = await sendInquiry(t, { email: 'b@buyer.example' });
    await worker.runOnce();
    hours(25);
    expect(await escalateOverdue(deps())).toBe(2);
    // The notices wait in the outbox (the mail server is slow) while the rep acts.
    await inboxRequest(t, cookie, 'POST', `/inquiries/${answered.id}/messages`, {
      body: 'Quote attached.',
      kind: 'reply',
    });
    await inboxRequest(t, cookie, 'PATCH', `/inquiries/${closed.id}`, { status: 'closed' });
    await worker.runOnce();
    expect(sink.mails.filter((m) => (m.subject ?? '').startsWith('No reply within'))).toEqual([]);
  });

  it('leaves an inquiry answered, closed or marked spam after it was found overdue', async () => {
    const ana = await reassigningToAna();
    const moore = await t.store.findRepByEmail(MOORE);
    await t.store.setPasswordHash(moore?.id ?? '', await hashPassword('password-123'));
    const cookie = await signInAs(t, MOORE);
    const answered = await sendInquiry(t, { email: 'a@buyer.example' });
    const closed = await sendInquiry(t, { email: 'b@buyer.example' });
    const spam = await sendInquiry(t, { email: 'c@buyer.example' });
    hours(25);
    // Another process commits each between this run's read and its claim.
    let overdueFound = 0;
    const read = t.store.unansweredBefore.bind(t.store);
    t.store.unansweredBefore = async (...args) => {
      const overdue = await read(...args);
      const meanwhile = [
        await inboxRequest(t, cookie, 'POST', `/inquiries/${answered.id}/messages`, {
          body: 'Quote attached.',
          kind: 'reply',
        }),
        await inboxRequest(t, cookie, 'PATCH', `/inquiries/${closed.id}`, { status: 'closed' }),
        await inboxRequest(t, cookie, 'PATCH', `/inquiries/${spam.id}`, { status: 'spam' }),
      ];
      expect(meanwhile.map((r) => r.ok)).toEqual([true, true, true]);
      overdueFound += overdue.length;
      return overdue;
    };
    expect(await escalateOverdue(deps())).toBe(0);
    expect(overdueFound).toBe(3);
    for (const { id } of [answered, closed, spam]) {
      const inquiry = await t.store.findInquiry(id);
      expect(inquiry?.repId).not.toBe(ana.id);
      const bodies = (await t.store.listMessages(id)).map((m) => m.body);
      expect(bodies.some((b) => b.startsWith('No reply within'))).toBe(false);
    }
  });
});

describe('reassignment on escalation racing a reply', () => {
  it('leaves the inquiry with the rep who answered while its new rep was chosen', async () => {
    await reassigningToAna();
    const moore = await t.store.findRepByEmail(MOORE);
    await t.store.setPasswordHash(moore?.id ?? '', await hashPassword('password-123'));
    const cookie = await signInAs(t, MOORE);
    const { id } = await sendInquiry(t);
    hours(25);
    // Moore's reply commits while the router reads the site's configuration for his successor.
    const config = t.store.siteConfig.bind(t.store);
    t.store.siteConfig = async (...args) => {
      const reply = await inboxRequest(t, cookie, 'POST', `/inquiries/${id}/messages`, {
        body: 'Sorry for the wait: quote attached.',
        kind: 'reply',
      });
      expect(reply.status).toBe(201);
      return config(...args);
    };
    // Answered after all: neither escalated nor handed over.
    expect(await escalateOverdue(deps())).toBe(0);
    expect((await t.store.findInquiry(id))?.repId).toBe(moore?.id);
    const bodies = (await t.store.listMessages(id)).map((m) => m.body);
    expect(bodies.some((b) => b.startsWith('No reply within'))).toBe(false);
    // His mailed answers still land in the thread.
    expect(await t.store.findPartyToken(id, 'rep', moore?.id ?? '')).not.toBeNull();
    // And no round-robin turn was taken for a handover not made.
    const [sales] = await t.store.listTeams(await siteId());
    expect(sales?.turns).toBe(0);
  });

  it('mails the notice to the rep who let it wait, naming the one it went to', async () => {
    await reassigningToAna();
    await sendInquiry(t);
    await worker.runOnce();
    hours(25);
    await escalateOverdue(deps());
    await worker.runOnce();
    const notices = sink.mails.filter((m) => (m.subject ?? '').startsWith('No reply within'));
    expect(notices.map((m) => addressOf(m.to))).toContain(MOORE);
    expect(notices.map((m) => addressOf(m.to))).not.toContain('ana@hengda.example');
    expect(notices[0]?.text).toContain('handed to Ms. Ana Wu');
  });
});

describe('the unassigned queue', () => {
  it('mails the site’s admins when nobody can take an inquiry', async () => {
    const moore = await t.store.findRepByEmail(MOORE);
    await t.store.updateRepProfile(moore?.id ?? '', { away: true });
    const { id, rep } = await sendInquiry(t);
    expect(rep).toBeNull();
    expect((await t.store.findInquiry(id))?.assignmentReason).toMatch(
      /unassigned: Mr\. Moore Liu is away/,
    );
    await worker.runOnce();
    const notice = await sink.waitFor(
      (m) => addressOf(m.to) === MOORE && (m.subject ?? '').startsWith('Unassigned inquiry'),
    );
    expect(notice.text).toContain(`/inbox/inquiries/${id}`);
  });
});

describe('undelivered mail', () => {
  it('is reported to the site’s admins by mail and listed for them in the admin API', async () => {
    const { id } = await sendInquiry(t);
    // An SMTP server that is never there, and one attempt: every delivery fails for good.
    const down = createOutboxWorker({
      store: t.store,
      clock: () => t.now.value,
      maxAttempts: 1,
      handlers: deliveryHandlers(
        mailContextOf(
          t,
          createSmtpMailer({
            url: `smtp://127.0.0.1:${await freePort()}`,
            from: 'x@localhost',
            timeoutMs: 2000,
          }),
        ),
      ),
      onFailed: (delivery) => reportUndelivered(deps(), delivery),
    });
    expect((await down.runOnce()).map((r) => r.outcome)).toEqual(['failed', 'failed']);

    await worker.runOnce();
    const notice = await sink.waitFor(
      (m) => addressOf(m.to) === MOORE && (m.subject ?? '').startsWith('Mail not delivered'),
    );
    expect(notice.text).toContain(`/inbox/inquiries/${id}`);

    const moore = await t.store.findRepByEmail(MOORE);
    await t.store.setPasswordHash(moore?.id ?? '', await hashPassword('password-123'));
    const stats = (await (
      await inboxRequest(t, await signInAs(t, MOORE), 'GET', '/admin/stats')
    ).json()) as AdminStats;
    expect(stats.undelivered.map((u) => u.kind).sort()).toEqual([
      'rep-notification',
      'visitor-ack',
    ]);
    expect(stats.undelivered[0]).toMatchObject({
      inquiryId: id,
      attempts: 1,
      lastError: expect.any(String),
    });
  });
});
