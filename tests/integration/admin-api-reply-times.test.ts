import { describe, expect, it } from 'vitest';
import type { AdminStats } from '../../contract';
import { admin, moore, ok, t, useSignedInAdmin } from '../support/admin-client';
import { inboxRequest, sendInquiry } from '../support/inbox-client';

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
});
