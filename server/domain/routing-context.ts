import type { RepProfile, Site, SiteSettings, Store } from '../storage/store';
import type { RoutingInput } from './router';

/** What the router needs about a site, with the settings and profiles it was built from. */
export interface LoadedRouting {
  context: Omit<RoutingInput, 'inquiry' | 'now'>;
  settings: SiteSettings | null;
  profiles: Map<string, RepProfile>;
}

/** Everything the router needs about a site (and, for a buyer, their history), from the store. */
export async function routingContext(
  store: Store,
  site: Site,
  email: string | null,
): Promise<Omit<RoutingInput, 'inquiry' | 'now'>> {
  return (await loadRouting(store, site, email)).context;
}

/** routingContext, also returning the site's settings and rep profiles it read. */
export async function loadRouting(
  store: Store,
  site: Site,
  email: string | null,
): Promise<LoadedRouting> {
  // The configuration as kept since its version last moved (Store.siteConfig); the teams, with
  // their turns, are read each time, and only where the site has any.
  const config = store.siteConfig(site);
  const [{ reps, profiles, rules, settings }, teams, lastRep] = await Promise.all([
    config,
    config.then(({ hasTeams }) => (hasTeams ? store.listTeams(site.id) : [])),
    email ? store.lastRepForEmail(site.id, email) : null,
  ]);
  // Open counts matter only to a rep's cap and a least-open team, and counting grows with the
  // open inquiries (1.2 ms at 3,000 on SQLite): most sites have neither, and skip it.
  const counted =
    [...profiles.values()].some((p) => p.maxOpen !== null) ||
    teams.some((t) => t.distribution === 'least-open');
  const counts = counted ? await store.openCounts(site.id) : new Map<string, number>();
  const context = {
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
        languages: profile?.languages ?? [],
        countries: profile?.countries ?? [],
      };
    }),
    teams,
    rules: rules.map((r) => ({ name: r.name, match: r.match, target: r.target })),
    lastRepIdForEmail: lastRep,
  };
  return { context, settings, profiles };
}
