import type { Rep, Store } from '../storage/store';

/** A site whose inquiries could go unseen, and why. */
export interface Unreachable {
  key: string;
  why: 'no active rep' | 'no active admin';
}

/**
 * Sites whose inquiries could reach nobody. Start-up refuses them, rather than accept leads
 * into a void:
 * - no active rep at all;
 * - no active admin: an inquiry nobody can take now (everyone away, off duty or at their cap)
 *   waits in the site's queue, which only admins see and are mailed about.
 * An away or off-duty rep still counts as a rep: their inquiries wait for them.
 */
export async function unreachableSites(store: Store): Promise<Unreachable[]> {
  const found: Unreachable[] = [];
  for (const site of await store.listSites()) {
    const why = whyUnreachable(await store.listReps(site.id));
    if (why) found.push({ key: site.key, why });
  }
  return found;
}

/** Why a site with these reps is unreachable, or null when it is not. */
export function whyUnreachable(
  reps: readonly Pick<Rep, 'active' | 'role'>[],
): Unreachable['why'] | null {
  const active = reps.filter((r) => r.active);
  if (active.length === 0) return 'no active rep';
  return active.some((r) => r.role === 'admin') ? null : 'no active admin';
}
