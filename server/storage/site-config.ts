import type { Webhook } from './webhook-queries';
import type { Rep, RepProfile, Rule, Site, SiteSettings, Store } from './store';

/** What an inquiry's routing and arrival read of its site's configuration. */
export interface SiteConfig {
  reps: Rep[];
  profiles: Map<string, RepProfile>;
  /**
   * Whether the site has teams. Their round-robin turns change with every inquiry and are not
   * configuration: a site with teams has them read each time (Store.listTeams).
   */
  hasTeams: boolean;
  rules: Rule[];
  settings: SiteSettings | null;
  /** The active ones. */
  webhooks: Webhook[];
}

type ConfigReads = Pick<
  Store,
  'listReps' | 'findRepProfiles' | 'listTeams' | 'listRules' | 'findSiteSettings' | 'activeWebhooks'
>;

/** Sites whose configuration a process keeps at most; the one read longest ago goes first. */
const KEPT_SITES = 1_000;

/**
 * Store.siteConfig: a site's configuration kept with the version it was read at, and read again
 * (six statements) when a site read since shows another version. The database moves the
 * version on at every write of it, from any process or the command line (migration 0023), so
 * what this answers is never older than the site row its caller read: as the six reads made
 * right after that row were. The answer is shared: callers must not change it.
 */
export function keptSiteConfig(reads: ConfigReads): (site: Site) => Promise<SiteConfig> {
  const kept = new Map<string, { version: number; config: Promise<SiteConfig> }>();
  const read = async (siteId: string): Promise<SiteConfig> => {
    const [reps, profiles, teams, rules, settings, webhooks] = await Promise.all([
      reads.listReps(siteId),
      reads.findRepProfiles(siteId),
      reads.listTeams(siteId),
      reads.listRules(siteId),
      reads.findSiteSettings(siteId),
      reads.activeWebhooks(siteId),
    ]);
    return { reps, profiles, hasTeams: teams.length > 0, rules, settings, webhooks };
  };
  return (site) => {
    const entry = kept.get(site.id);
    if (entry && entry.version === site.configVersion) return entry.config;
    const config = read(site.id);
    // A caller holding an older read of the site (a slow request) gets a fresh read, but does
    // not put back the version kept for newer ones.
    if (entry && entry.version > site.configVersion) return config;
    kept.delete(site.id);
    if (kept.size >= KEPT_SITES) kept.delete(kept.keys().next().value ?? '');
    const version = site.configVersion;
    kept.set(site.id, { version, config });
    // A failed read is not kept: the next caller reads again.
    config.catch(() => {
      if (kept.get(site.id)?.config === config) kept.delete(site.id);
    });
    return config;
  };
}
