import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addRep, sendInquiry } from '../support/inbox-client';
import { createTestApp, type TestApp } from '../support/test-app';

// A team's round-robin turn under load: inquiries arriving together share a transaction
// (storage/group-commit.ts), and each must still take the next member's turn.

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

describe('round-robin', () => {
  it('gives inquiries arriving at once to the members in turn', async () => {
    const site = await t.store.findSiteByKey('demo');
    const moore = await t.store.findRepByEmail('moore.liu@example.com');
    const ana = await addRep(t, { email: 'ana@hengda.example', name: 'Ms. Ana Wu' });
    const bo = await addRep(t, { email: 'bo@hengda.example', name: 'Mr. Bo Li' });
    const members = [moore?.id ?? '', ana.id, bo.id];
    await t.store.saveTeam({
      id: 'team-sales',
      siteId: site?.id ?? '',
      name: 'Sales',
      distribution: 'round-robin',
      memberIds: members,
    });
    await t.store.updateSite(site?.id ?? '', { defaultRepId: null, defaultTeamId: 'team-sales' });

    const sent = await Promise.all(
      Array.from({ length: 9 }, (_, i) => sendInquiry(t, { email: `buyer${i}@buyer.example` })),
    );
    const repIds = await Promise.all(
      sent.map(async ({ id }) => (await t.store.findInquiry(id))?.repId),
    );
    const perRep = members.map((m) => repIds.filter((r) => r === m).length);
    expect(perRep).toEqual([3, 3, 3]);
  });
});
