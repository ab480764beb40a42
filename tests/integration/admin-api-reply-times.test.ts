import { describe, expect, it } from 'vitest';
import type { AdminStats } from '../../contract';
import { admin, moore, ok, t, useSignedInAdmin } from '../support/admin-client';
import { addRep, inboxRequest, sendInquiry, signInAs } from '../support/inbox-client';
import { hashPassword } from '../../server/auth/passwords';

useSignedInAdmin();

describe('reply times', () => {
  const advance = (minutes: number) => {
    t.now.value = new Date(t.now.value.getTime() + minutes * 60_000);
  };
  const reply = async (id: string) => {
    const res = await inboxRequest(t, admin, 'POST', `/inquiries/${id}/messages`, {
      body: 'Thank you, here is our quote.',
      kind: 'reply',
    });
    expect(res.status).toBe(201);
  };

  it('counts the median first reply and the share within 24 hours per rep', async () => {
    const a = await sendInquiry(t, { email: 'a@buyer.example' });
    advance(30);
    await reply(a.id); // 30 min
    const b = await sendInquiry(t, { email: 'b@buyer.example' });
    advance(90);
    await reply(b.id); // 90 min
    await reply(a.id); // a second reply does not change the first
    await sendInquiry(t, { email: 'c@buyer.example' }); // never answered
    advance(25 * 60);
    const d = await sendInquiry(t, { email: 'd@buyer.example' }); // answered after 2 days
    advance(48 * 60);
    await reply(d.id);
    await sendInquiry(t, { email: 'e@buyer.example' }); // unanswered, 0 minutes old: left out

    const stats = await ok<AdminStats>('GET', '/stats');
    expect(stats.reps).toEqual([
      {
        repId: moore.id,
        name: 'Mr. Moore Liu',
        answered: 3,
        total: 5,
        medianFirstReplyMinutes: 90,
        // a and b within; c unanswered for over a day, d answered after two: 2 of 4.
        shareWithin24h: 0.5,
      },
    ]);
  });

  it('credits the rep who replied, timed from when they had the inquiry', async () => {
    const ana = await addRep(t, { email: 'ana@hengda.example', name: 'Ms. Ana Wu' });
    await t.store.setPasswordHash(ana.id, await hashPassword('password-123'));
    const anaCookie = await signInAs(t, ana.email);
    const handed = async (id: string, repId: string) => {
      const res = await inboxRequest(t, admin, 'PATCH', `/inquiries/${id}`, { repId });
      expect(res.status).toBe(200);
    };
    // Waited 30 hours with Moore, handed to Ana, who answers within 10 minutes.
    const late = await sendInquiry(t, { email: 'late@buyer.example' });
    advance(30 * 60);
    await handed(late.id, ana.id);
    advance(10);
    const answer = await inboxRequest(t, anaCookie, 'POST', `/inquiries/${late.id}/messages`, {
      body: 'Sorry for the wait: our quote.',
      kind: 'reply',
    });
    expect(answer.status).toBe(201);
    // Answered by Moore in 20 minutes, then handed to Ana.
    const early = await sendInquiry(t, { email: 'early@buyer.example' });
    advance(20);
    await reply(early.id);
    await handed(early.id, ana.id);

    const stats = await ok<AdminStats>('GET', '/stats');
    const of = (repId: string) => stats.reps.find((r) => r.repId === repId);
    expect(of(ana.id)).toMatchObject({
      answered: 1,
      total: 1,
      medianFirstReplyMinutes: 10,
      shareWithin24h: 1,
    });
    expect(of(moore.id)).toMatchObject({
      answered: 1,
      total: 1,
      medianFirstReplyMinutes: 20,
      shareWithin24h: 1,
    });
  });
});
