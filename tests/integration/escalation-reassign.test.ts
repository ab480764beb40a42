import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { escalateOverdue } from '../../server/domain/escalation';
import { insertTurn } from '../../server/storage/routing-queries';
import type { Rep } from '../../server/storage/store';
import { hashPassword } from '../../server/auth/passwords';
import { addRep, inboxRequest, sendInquiry, signInAs } from '../support/inbox-client';
import { advanceHours, escalationDeps } from '../support/escalation-clock';
import { demoSiteId, reassigningTeam } from '../support/escalation-team';
import { createTestApp, type TestApp } from '../support/test-app';

// Escalation handing an inquiry to the next rep of a round-robin team: the turns it takes, and
// what happens when the write fails, another process escalates it too, or another takes the
// turn it chose. Split from escalation.test.ts.

let t: TestApp;
const MOORE = 'moore.liu@example.com';

beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

const deps = () => escalationDeps(t);
const hours = (n: number) => advanceHours(t, n);
const siteId = () => demoSiteId(t);
const reassigningToAna = (others: Rep[] = []) => reassigningTeam(t, others);

describe('reassignment on escalation', () => {
  it("takes the team's round-robin turns, as new inquiries do", async () => {
    const bo = await addRep(t, { email: 'bo@hengda.example', name: 'Mr. Bo Li' });
    const ana = await reassigningToAna([bo]);
    const sent = [];
    for (let i = 0; i < 3; i++) sent.push(await sendInquiry(t, { email: `b${i}@buyer.example` }));
    hours(25);
    expect(await escalateOverdue(deps())).toBe(3);
    // Moore let them wait: the turns go on past him, to Ana, Bo, then Ana again.
    const repIds = await Promise.all(
      sent.map(async ({ id }) => (await t.store.findInquiry(id))?.repId),
    );
    expect([ana.id, bo.id].map((id) => repIds.filter((r) => r === id).length)).toEqual([2, 1]);
    const [sales] = await t.store.listTeams(await siteId());
    expect(sales).toMatchObject({ turns: 3, lastAssignedRepId: ana.id });
  });
});

describe('reassignment on escalation racing another process for a turn', () => {
  it('routes again when another process took the turn first, and takes the next', async () => {
    const bo = await addRep(t, { email: 'bo@hengda.example', name: 'Mr. Bo Li' });
    const ana = await reassigningToAna([bo]);
    const { id } = await sendInquiry(t);
    hours(25);
    // Another process gives Ana's turn to its own inquiry just before this escalation commits.
    const addMessage = t.store.addMessage.bind(t.store);
    let taken = false;
    t.store.addMessage = async (input) => {
      if (input.teamTurn && !taken) {
        taken = true;
        expect(input.teamTurn).toMatchObject({ turn: 1, repId: ana.id });
        expect(await insertTurn(t.db, input.teamTurn)).toBe(true);
      }
      return addMessage(input);
    };
    expect(await escalateOverdue(deps())).toBe(1);
    // Routed again past that turn: the second is Bo's.
    expect((await t.store.findInquiry(id))?.repId).toBe(bo.id);
    const [sales] = await t.store.listTeams(await siteId());
    expect(sales).toMatchObject({ turns: 2, lastAssignedRepId: bo.id });
    const bodies = (await t.store.listMessages(id)).map((m) => m.body);
    expect(bodies.filter((b) => b.startsWith('No reply within'))).toEqual([
      'No reply within 24 hours: escalated to the admins and reassigned to Mr. Bo Li',
    ]);
    // The token made for Ana opens nothing.
    expect(await t.store.findPartyToken(id, 'rep', ana.id)).toBeNull();
  });
});

describe('reassignment on escalation not made', () => {
  it("gives the turn it chose to the team's next inquiry, skipping nobody", async () => {
    const bo = await addRep(t, { email: 'bo@hengda.example', name: 'Mr. Bo Li' });
    const ana = await reassigningToAna([bo]);
    const moore = await t.store.findRepByEmail(MOORE);
    await t.store.setPasswordHash(moore?.id ?? '', await hashPassword('password-123'));
    const cookie = await signInAs(t, MOORE);
    const first = await sendInquiry(t, { email: 'first@buyer.example' });
    const second = await sendInquiry(t, { email: 'second@buyer.example' });
    hours(25);
    // Moore answers the first while its successor is chosen: that escalation is not made.
    const config = t.store.siteConfig.bind(t.store);
    let replied = false;
    t.store.siteConfig = async (...args) => {
      if (!replied) {
        replied = true;
        const reply = await inboxRequest(t, cookie, 'POST', `/inquiries/${first.id}/messages`, {
          body: 'Sorry for the wait: quote attached.',
          kind: 'reply',
        });
        expect(reply.status).toBe(201);
      }
      return config(...args);
    };
    expect(await escalateOverdue(deps())).toBe(1);
    expect((await t.store.findInquiry(first.id))?.repId).toBe(moore?.id);
    // The turn chosen for the first goes to the second: Ana's, not Bo's.
    expect((await t.store.findInquiry(second.id))?.repId).toBe(ana.id);
    expect(await t.db.selectFrom('teamTurns').select(['turn', 'repId']).execute()).toEqual([
      { turn: 1, repId: ana.id },
    ]);
  });
});

describe('reassignment on escalation cut short', () => {
  it('leaves the inquiry overdue, to be escalated and handed over by the next run', async () => {
    const ana = await reassigningToAna();
    const moore = await t.store.findRepByEmail(MOORE);
    const { id } = await sendInquiry(t);
    hours(25);
    // The write that hands it over fails (the process dies, the database goes away).
    const addMessage = t.store.addMessage.bind(t.store);
    t.store.addMessage = async (input) => {
      if (input.patch.repId !== undefined) throw new Error('connection terminated');
      return addMessage(input);
    };
    await expect(escalateOverdue(deps())).rejects.toThrow('connection terminated');
    // Escalated apart from its new rep, it was never looked at again, still with Moore.
    expect((await t.store.findInquiry(id))?.repId).toBe(moore?.id);
    const bodies = (await t.store.listMessages(id)).map((m) => m.body);
    expect(bodies.some((b) => b.startsWith('No reply within'))).toBe(false);
    t.store.addMessage = addMessage;

    expect(await escalateOverdue(deps())).toBe(1);
    expect((await t.store.findInquiry(id))?.repId).toBe(ana.id);
  });
});

describe('escalation by several processes at once', () => {
  it('escalates and reassigns once: the first run to write it wins, the others leave it', async () => {
    await reassigningToAna();
    const { id } = await sendInquiry(t);
    hours(25);
    // Both find the inquiry overdue before either writes (on PostgreSQL, on two connections).
    const counts = await Promise.all([escalateOverdue(deps()), escalateOverdue(deps())]);
    expect(counts.sort()).toEqual([0, 1]);
    const bodies = (await t.store.listMessages(id)).map((m) => m.body);
    expect(bodies.filter((b) => b.startsWith('No reply within'))).toEqual([
      'No reply within 24 hours: escalated to the admins and reassigned to Ms. Ana Wu',
    ]);
    const notices = await t.db
      .selectFrom('deliveries')
      .select('id')
      .where('kind', '=', 'escalation-notice')
      .execute();
    expect(notices).toHaveLength(1);
    // The escalation made took a turn of the team's round-robin; the run that found it done
    // took none (the next inquiry would have skipped a teammate). Which run wins decides the
    // turn's number (this process numbered both), not how many are stored.
    expect(await t.db.selectFrom('teamTurns').select('turn').execute()).toHaveLength(1);
  });
});
