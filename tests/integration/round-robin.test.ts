import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addRep, sendInquiry } from '../support/inbox-client';
import { createTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-database';

// A team's round-robin turn under load: inquiries arriving together share a transaction
// (storage/group-commit.ts), and each must still take the next member's turn; and with
// several server processes on one database, each takes the turn after the last one stored.

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

/** A round-robin team of Mr. Moore Liu and two new reps, the site's default; their ids. */
async function salesTeam(): Promise<string[]> {
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
  return members;
}

const assignedTo = async (id: string) => (await t.store.findInquiry(id))?.repId;

describe('round-robin', () => {
  it('gives inquiries arriving at once to the members in turn', async () => {
    const members = await salesTeam();
    const sent = await Promise.all(
      Array.from({ length: 9 }, (_, i) => sendInquiry(t, { email: `buyer${i}@buyer.example` })),
    );
    const repIds = await Promise.all(sent.map(({ id }) => assignedTo(id)));
    const perRep = members.map((m) => repIds.filter((r) => r === m).length);
    expect(perRep).toEqual([3, 3, 3]);
  });

  it('takes the turn after the last one stored by any process', async () => {
    const members = await salesTeam();
    const processes = [t, { ...t, ...t.anotherProcess() }, { ...t, ...t.anotherProcess() }];
    // Each process in turn, one inquiry at a time, some twice in a row.
    const order = [0, 1, 2, 0, 0, 1, 2, 2, 1, 0, 1, 2];
    const repIds = [];
    for (const [i, p] of order.entries()) {
      const { id } = await sendInquiry(processes[p]!, { email: `buyer${i}@buyer.example` });
      repIds.push(await assignedTo(id));
    }
    expect(repIds).toEqual(order.map((_, i) => members[i % 3]));
  });

  it('keeps the rotation when bursts reach two processes one after the other', async () => {
    const members = await salesTeam();
    const other = { ...t, ...t.anotherProcess() };
    // Bursts of two to a team of three: each starts where the last one stopped.
    for (const [round, p] of [t, other, t, other, t].entries()) {
      const sent = await Promise.all(
        [0, 1].map((i) => sendInquiry(p, { email: `buyer${round}-${i}@buyer.example` })),
      );
      const burst = await Promise.all(sent.map(({ id }) => assignedTo(id)));
      const expected = [members[(2 * round) % 3], members[(2 * round + 1) % 3]];
      expect(burst.sort(), `round ${round}`).toEqual(expected.sort());
    }
  });

  // Several processes share PostgreSQL only: two SQLite connections in one thread would wait
  // on each other's locks, where two processes on one file take turns.
  it.runIf(TEST_ENGINE === 'postgres')(
    'gives inquiries reaching two processes at the same moment different members',
    async () => {
      const members = await salesTeam();
      const other = { ...t, ...t.anotherProcess() };
      for (let round = 0; round < 3; round++) {
        // Both route from the same turn; the second to store it routes again.
        const sent = await Promise.all(
          [t, other].map((p, i) => sendInquiry(p, { email: `buyer${round}-${i}@buyer.example` })),
        );
        const pair = await Promise.all(sent.map(({ id }) => assignedTo(id)));
        const expected = [members[(2 * round) % 3], members[(2 * round + 1) % 3]];
        expect(pair.sort(), `round ${round}`).toEqual(expected.sort());
      }
    },
  );
});
