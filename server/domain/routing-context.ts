import type { Site, Store } from '../storage/store';
import type { RoutingInput } from './router';

/** Everything the router needs about a site (and, for a buyer, their history), from the store. */
export async function routingContext(
  store: Store,
  site: Site,
  email: string | null,
): Promise<Omit<RoutingInput, 'inquiry' | 'now'>> {
  const [reps, profiles, counts, teams, rules, settings, lastRep] = await Promise.all([
    store.listReps(site.id),
    store.findRepProfiles(site.id),
    store.openCounts(site.id),
    store.listTeams(site.id),
    store.listRules(site.id),
    store.findSiteSettings(site.id),
    email ? store.lastRepForEmail(site.id, email) : null,
  ]);
  return {
    site: {
      defaultRepId: settings?.defaultRepId ?? null,
      defaultTeamId: settings?.defaultTeamId ?? null,
    },
    reps: reps.map((rep) => {
      const profile = profiles.get(rep.id);
      return {
        id: rep.id,
        name: rep.name,
        handle: rep.handle,
        active: rep.active,
        away: profile?.away ?? false,
        hours: profile?.hours ?? null,
        maxOpen: profile?.maxOpen ?? null,
        openCount: counts.get(rep.id) ?? 0,
      };
    }),
    teams,
    rules: rules.map((r) => ({ name: r.name, match: r.match, target: r.target })),
    lastRepIdForEmail: lastRep,
  };
}
