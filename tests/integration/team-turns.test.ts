import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateTo, migrateToLatest } from '../../server/storage/migrate';
import { InquiryInput } from '../../contract/inquiry';
import { receiveInquiry } from '../../server/domain/inquiries';
import { addRep } from '../support/inbox-client';
import { inquiryBody } from '../support/inquiry-body';
import { createTestApp, type TestApp } from '../support/test-app';

// A team's round-robin turns are rows, one per number (migration 0011): the newest is the
// team's last turn, older ones are pruned with the other expired rows.

const SECRET = 'team-turns-secret-team-turns-secret-42';
let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

async function team(): Promise<{ siteId: string; memberIds: string[] }> {
  const site = await t.store.findSiteByKey('demo');
  const moore = await t.store.findRepByEmail('moore.liu@example.com');
  const ana = await addRep(t, { email: 'ana@hengda.example', name: 'Ms. Ana Wu' });
  const memberIds = [moore?.id ?? '', ana.id];
  await t.store.saveTeam({
    id: 'team-sales',
    siteId: site?.id ?? '',
    name: 'Sales',
    distribution: 'round-robin',
    memberIds,
  });
  return { siteId: site?.id ?? '', memberIds };
}

describe('team turns', () => {
  it('route an inquiry again when its team is deleted while it is being routed', async () => {
    const { siteId } = await team();
    await t.store.updateSite(siteId, { defaultTeamId: 'team-sales' });
    // An admin deletes the team after the routing read it, before the inquiry is written.
    const listTeams = t.store.listTeams.bind(t.store);
    let deleted = false;
    t.store.listTeams = async (...args) => {
      const teams = await listTeams(...args);
      if (!deleted) {
        deleted = true;
        await t.store.deleteTeam('team-sales');
      }
      return teams;
    };
    // Its turn's row named a team no longer there: a foreign key failure, a 500, and the
    // inquiry lost.
    const site = await t.store.findSiteByKey('demo');
    if (!site) throw new Error('no demo site');
    const deps = { store: t.store, clock: () => t.now.value, newId: t.newId, events: t.events };
    const input = InquiryInput.parse(inquiryBody());
    const { id } = await receiveInquiry({ ...deps, secret: SECRET }, site, input, {
      minFormMs: 0,
    });
    expect(deleted).toBe(true);
    expect(await t.store.findInquiry(id)).not.toBeNull();
  });

  it("keep a team's last-assigned member through the migration, as turn 0", async () => {
    const { siteId, memberIds } = await team();
    await migrateTo(t.db, '0010-delivery-owners');
    await sql`update teams set last_assigned_rep_id = ${memberIds[1]}`.execute(t.db);
    await migrateToLatest(t.db);
    const [sales] = await t.store.listTeams(siteId);
    expect(sales).toMatchObject({ lastAssignedRepId: memberIds[1], turns: 0 });
  });

  it('are read as the newest one, and pruned to the newest thousand with expired rows', async () => {
    const { siteId, memberIds } = await team();
    expect((await t.store.listTeams(siteId))[0]).toMatchObject({
      lastAssignedRepId: null,
      turns: 0,
    });
    const rows = Array.from({ length: 1500 }, (_, i) => ({
      teamId: 'team-sales',
      turn: i + 1,
      repId: memberIds[i % 2] ?? '',
    }));
    for (let i = 0; i < rows.length; i += 500) {
      await t.db
        .insertInto('teamTurns')
        .values(rows.slice(i, i + 500))
        .execute();
    }
    expect((await t.store.listTeams(siteId))[0]).toMatchObject({
      lastAssignedRepId: memberIds[1],
      turns: 1500,
    });
    const now = t.now.value.toISOString();
    await t.store.forgetExpired(now, now, now);
    const kept = await t.db
      .selectFrom('teamTurns')
      .select((eb) => [eb.fn.min('turn').as('low'), eb.fn.countAll().as('n')])
      .executeTakeFirstOrThrow();
    expect({ low: Number(kept.low), n: Number(kept.n) }).toEqual({ low: 500, n: 1001 });
    expect((await t.store.listTeams(siteId))[0]).toMatchObject({ turns: 1500 });
  });

  it('go with their team', async () => {
    const { memberIds } = await team();
    await t.db
      .insertInto('teamTurns')
      .values({ teamId: 'team-sales', turn: 1, repId: memberIds[0] ?? '' })
      .execute();
    await t.store.deleteTeam('team-sales');
    const left = await t.db.selectFrom('teamTurns').selectAll().execute();
    expect(left).toEqual([]);
  });
});
