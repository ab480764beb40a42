import type { Rep } from '../../server/storage/store';
import { addRep } from './inbox-client';
import type { TestApp } from './test-app';

/** The demo site's id. */
export const demoSiteId = async (t: TestApp) => (await t.store.findSiteByKey('demo'))?.id ?? '';

/**
 * Moore, Ms. Ana Wu and `others` in a round-robin team, on a site that reassigns on
 * escalation; Ana.
 */
export async function reassigningTeam(t: TestApp, others: Rep[] = []): Promise<Rep> {
  const ana = await addRep(t, { email: 'ana@hengda.example', name: 'Ms. Ana Wu' });
  const moore = await t.store.findRepByEmail('moore.liu@example.com');
  const siteId = await demoSiteId(t);
  await t.store.saveTeam({
    id: 'team-sales',
    siteId,
    name: 'Sales',
    distribution: 'round-robin',
    memberIds: [moore?.id ?? '', ana.id, ...others.map((r) => r.id)],
  });
  await t.store.updateSite(siteId, { escalationReassign: true });
  return ana;
}
