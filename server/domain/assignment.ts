import type { Rep, Site } from '../storage/store';

/** Who gets an inquiry, and why (recorded on the inquiry and shown to reps). */
export type Assignment = { rep: Rep; reason: string } | { rep: null; reason: string };

export interface AssignmentInput {
  site: Site;
  /** The rep named by the embed's `data-rep`, if any was named and found on the site. */
  requested: Rep | null;
  /** The site's default rep, if it has one. */
  defaultRep: Rep | null;
}

/**
 * Picks the rep for a new inquiry: the rep named by the embed when active on the site, else
 * the site's default rep when active, else the site's queue. Pure: the caller gathers inputs.
 */
export function assign({ site, requested, defaultRep }: AssignmentInput): Assignment {
  if (requested && requested.siteId === site.id && requested.active) {
    return { rep: requested, reason: `routed to ${requested.name}: named by the embed` };
  }
  if (defaultRep && defaultRep.siteId === site.id && defaultRep.active) {
    return { rep: defaultRep, reason: `routed to ${defaultRep.name}: the site's default rep` };
  }
  return { rep: null, reason: 'no active rep: left in the site queue' };
}
