import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { escalateOverdue } from '../../server/domain/escalation';
import { addRep, inboxRequest, sendInquiry, signInAsDemoAdmin } from '../support/inbox-client';
import { startMailWorker } from '../support/mail-worker';
import { addressOf } from '../support/smtp-sink';
import { advanceHours, escalationDeps } from '../support/escalation-clock';
import { createTestApp, type TestApp } from '../support/test-app';

// The promise of a first reply runs from when the inquiry reached its rep (migration 0020): an
// inquiry let through from spam, or handed to another rep, is not escalated on the old clock.

let t: TestApp;
let admin: string;
beforeEach(async () => {
  t = await createTestApp();
  admin = await signInAsDemoAdmin(t);
});
afterEach(() => t.close());

const deps = () => escalationDeps(t);
const hours = (n: number) => advanceHours(t, n);
const patch = async (id: string, body: Record<string, unknown>) => {
  const res = await inboxRequest(t, admin, 'PATCH', `/inquiries/${id}`, body);
  expect(res.status, await res.clone().text()).toBe(200);
};

describe('the promise of a reply', () => {
  it('runs from "Not spam" for an inquiry held as spam', async () => {
    const { id } = await sendInquiry(t, { client: { honeypot: 'buy now' } });
    hours(30);
    await patch(id, { status: 'new' });
    expect(await escalateOverdue(deps())).toBe(0);
    hours(23);
    expect(await escalateOverdue(deps())).toBe(0);
    hours(2);
    expect(await escalateOverdue(deps())).toBe(1);
  });

  it('runs afresh for the rep an inquiry is handed to', async () => {
    const ana = await addRep(t, { email: 'ana@hengda.example', name: 'Ms. Ana Wu' });
    const { id } = await sendInquiry(t);
    hours(23);
    await patch(id, { repId: ana.id });
    hours(2);
    expect(await escalateOverdue(deps())).toBe(0);
    hours(23);
    expect(await escalateOverdue(deps())).toBe(1);
  });

  it('runs from its arrival otherwise', async () => {
    await sendInquiry(t);
    hours(23);
    expect(await escalateOverdue(deps())).toBe(0);
    hours(2);
    expect(await escalateOverdue(deps())).toBe(1);
  });
});

describe('an escalation notice about an inquiry that waited unassigned', () => {
  it('goes to the admins, not to the rep it is then handed to', async () => {
    const mail = await startMailWorker(t);
    try {
      const moore = await t.store.findRepByEmail('moore.liu@example.com');
      await t.store.updateRepProfile(moore?.id ?? '', { away: true });
      const { id, rep } = await sendInquiry(t);
      expect(rep).toBeNull();
      const ana = await addRep(t, { email: 'ana@hengda.example', name: 'Ms. Ana Wu' });
      const siteId = (await t.store.findSiteByKey('demo'))?.id ?? '';
      await t.store.saveTeam({
        id: 'team-sales',
        siteId,
        name: 'Sales',
        distribution: 'round-robin',
        memberIds: [ana.id],
      });
      await t.store.updateSite(siteId, { escalationReassign: true, defaultTeamId: 'team-sales' });
      hours(25);
      expect(await escalateOverdue(deps())).toBe(1);
      expect((await t.store.findInquiry(id))?.repId).toBe(ana.id);
      await mail.worker.runOnce();
      const notices = mail.sink.mails.filter((m) =>
        (m.subject ?? '').startsWith('No reply within'),
      );
      expect(notices.map((m) => addressOf(m.to))).toEqual(['moore.liu@example.com']);
      expect(notices[0]?.text).toContain(
        'It was in the unassigned queue; it has been handed to Ms. Ana Wu.',
      );
    } finally {
      await mail.close();
    }
  });
});
