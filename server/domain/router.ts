import type { Distribution, RuleMatch, WeeklyHours } from '../../contract';
import { countryMatches } from './countries';
import { isWorkingAt } from './working-hours';

/** A rep as the router sees them. */
export interface RoutingRep {
  id: string;
  name: string;
  handle: string;
  active: boolean;
  away: boolean;
  /** Null: no hours set, always on duty. */
  hours: WeeklyHours | null;
  /** Null: no cap. */
  maxOpen: number | null;
  openCount: number;
  /** Language tags they answer in ("es" covers "es-MX"); a teammate who fits is preferred. */
  languages: string[];
  /** Countries or regions they cover (countries.ts), likewise. */
  countries: string[];
}

export interface RoutingTeam {
  id: string;
  name: string;
  distribution: Distribution;
  /** In round-robin order. */
  memberIds: string[];
  lastAssignedRepId: string | null;
  /** Turns given so far (team-turns.ts). */
  turns: number;
}

export interface RoutingRule {
  name: string;
  match: RuleMatch;
  target: { repId: string } | { teamId: string };
}

/** What is known of the inquiry when it is routed (or of the page, for the widget's card). */
export interface RoutingInquiry {
  requestedHandle?: string | undefined;
  country?: string | null | undefined;
  language?: string | null | undefined;
  pageUrl?: string | null | undefined;
  products: Array<{ sku?: string | undefined; category?: string | undefined }>;
}

export interface RoutingInput {
  site: { defaultRepId: string | null; defaultTeamId: string | null };
  reps: RoutingRep[];
  teams: RoutingTeam[];
  /** In order: the first that matches decides. */
  rules: RoutingRule[];
  inquiry: RoutingInquiry;
  /** The rep who had this buyer (same email on the site) last, if any. */
  lastRepIdForEmail: string | null;
  now: Date;
}

/** The router's choice: a rep (and the team whose turn it used), or the site's queue. */
export type RoutingDecision =
  | { repId: string; teamId: string | null; reason: string }
  | { repId: null; teamId: null; reason: string };

/** Why a rep cannot take an inquiry now; null when they can. */
export function unavailability(rep: RoutingRep, now: Date): string | null {
  if (!rep.active) return 'inactive';
  if (rep.away) return 'away';
  if (rep.hours && !isWorkingAt(rep.hours, now)) return 'off duty';
  if (rep.maxOpen !== null && rep.openCount >= rep.maxOpen)
    return `at their cap of ${rep.maxOpen} open inquiries`;
  return null;
}

/**
 * Whether `text` matches `pattern`, where `*` stands for any run of characters, ignoring case.
 * Linear in practice and never worse than text times pattern: a regular expression of several
 * `.*` backtracks for seconds on a long URL of slashes, and page URLs come from anyone.
 */
export function wildcardMatches(pattern: string, text: string): boolean {
  const p = pattern.toLowerCase();
  const t = text.toLowerCase();
  let i = 0; // in t
  let j = 0; // in p
  // The last star seen, and where in t its run would end if the rest fails from here.
  let star = -1;
  let resume = 0;
  while (i < t.length) {
    if (j < p.length && p[j] === '*') {
      star = j++;
      resume = i;
    } else if (j < p.length && p[j] === t[i]) {
      i++;
      j++;
    } else if (star >= 0) {
      // Let the last star take one more character, and match the rest after it again.
      j = star + 1;
      i = ++resume;
    } else return false;
  }
  while (j < p.length && p[j] === '*') j++;
  return j === p.length;
}

/** Whether every condition of a rule's match holds for the inquiry. */
export function ruleMatches(match: RuleMatch, inquiry: RoutingInquiry): boolean {
  const { pageUrl, sku } = match;
  if (pageUrl && !(inquiry.pageUrl && wildcardMatches(pageUrl, inquiry.pageUrl))) return false;
  if (sku && !inquiry.products.some((p) => p.sku && wildcardMatches(sku, p.sku))) return false;
  if (match.category) {
    const wanted = match.category.toLowerCase();
    if (!inquiry.products.some((p) => p.category?.toLowerCase() === wanted)) return false;
  }
  // An empty list is no condition, as an absent one (a hand-written config may say `[]`).
  if (match.countries?.length && !countryMatches(inquiry.country, match.countries)) return false;
  if (match.languages?.length && !speaks(match.languages, inquiry.language)) return false;
  return true;
}

/** Whether `language` is one of `tags` or a variant of one ("es" covers "es-MX"). */
function speaks(tags: readonly string[], language: string | null | undefined): boolean {
  const lang = language?.toLowerCase() ?? '';
  return (
    lang !== '' &&
    tags.some((tag) => lang === tag.toLowerCase() || lang.startsWith(`${tag.toLowerCase()}-`))
  );
}

/**
 * Picks the rep for an inquiry, in this order: the rep named by the embed (when active and not
 * away); the buyer's previous rep; the first matching rule; the site's default team or rep.
 * A chosen rep who is away, off duty or at their cap is covered by a teammate; a step whose
 * people are all unavailable passes to the next; when nobody fits, the site's queue. Pure: the
 * store gathers the inputs, and every decision says why.
 */
export function route(input: RoutingInput): RoutingDecision {
  const { reps, teams, now } = input;
  const byId = new Map(reps.map((r) => [r.id, r]));
  const notes: string[] = [];

  const { language, country } = input.inquiry;
  // Why a rep suits this buyer above their teammates, or null.
  const fit = (rep: RoutingRep): string | null =>
    speaks(rep.languages, language)
      ? `speaks ${language}`
      : countryMatches(country, rep.countries)
        ? `covers ${country?.trim()}`
        : null;

  // A team's next available member, among those who speak the buyer's language or cover their
  // country when any of them is free: round robin from after the last one assigned, or the one
  // with the fewest open inquiries (ties in round-robin order).
  const pick = (team: RoutingTeam, except?: string): { rep: RoutingRep; why: string } | null => {
    const start = team.lastAssignedRepId ? team.memberIds.indexOf(team.lastAssignedRepId) + 1 : 0;
    const order = [...team.memberIds.slice(start), ...team.memberIds.slice(0, start)];
    const free = order
      .filter((id) => id !== except)
      .flatMap((id) => {
        const rep = byId.get(id);
        return rep && unavailability(rep, now) === null ? [rep] : [];
      });
    const suited = free.filter((rep) => fit(rep) !== null);
    const among = suited.length > 0 ? suited : free;
    const rep =
      team.distribution === 'least-open'
        ? among.reduce<RoutingRep | null>(
            (best, r) => (best === null || r.openCount < best.openCount ? r : best),
            null,
          )
        : (among[0] ?? null);
    if (!rep) return null;
    const suits = fit(rep);
    return { rep, why: suits ? `, ${suits}` : '' };
  };

  const toRep = (repId: string, why: string): RoutingDecision | null => {
    const rep = byId.get(repId);
    if (!rep) return null;
    const problem = unavailability(rep, now);
    if (problem === null)
      return { repId: rep.id, teamId: null, reason: `routed to ${rep.name}: ${why}` };
    notes.push(`${rep.name} is ${problem}`);
    for (const team of teams.filter((t) => t.memberIds.includes(rep.id))) {
      const mate = pick(team, rep.id);
      if (mate) {
        return {
          repId: mate.rep.id,
          teamId: team.id,
          reason: `routed to ${mate.rep.name}: ${why}; ${rep.name} is ${problem}, teammate in '${team.name}'${mate.why}`,
        };
      }
    }
    return null;
  };

  const toTeam = (teamId: string, why: string): RoutingDecision | null => {
    const team = teams.find((t) => t.id === teamId);
    if (!team) return null;
    const picked = pick(team);
    if (picked)
      return {
        repId: picked.rep.id,
        teamId: team.id,
        reason: `routed to ${picked.rep.name}: ${why}, team '${team.name}' (${team.distribution})${picked.why}`,
      };
    notes.push(`nobody in team '${team.name}' is available`);
    return null;
  };

  const requested = input.inquiry.requestedHandle
    ? reps.find((r) => r.handle === input.inquiry.requestedHandle)
    : undefined;
  if (requested?.active && !requested.away) {
    return {
      repId: requested.id,
      teamId: null,
      reason: `routed to ${requested.name}: named by the embed`,
    };
  }

  const steps: Array<() => RoutingDecision | null> = [
    () => (input.lastRepIdForEmail ? toRep(input.lastRepIdForEmail, 'returning buyer') : null),
    () => {
      const rule = input.rules.find((r) => ruleMatches(r.match, input.inquiry));
      if (!rule) return null;
      const why = `rule '${rule.name}'`;
      return 'repId' in rule.target
        ? toRep(rule.target.repId, why)
        : toTeam(rule.target.teamId, why);
    },
    () => {
      const { defaultTeamId, defaultRepId } = input.site;
      if (defaultTeamId) return toTeam(defaultTeamId, "the site's default team");
      return defaultRepId ? toRep(defaultRepId, "the site's default rep") : null;
    },
  ];
  for (const step of steps) {
    const decision = step();
    if (decision) return decision;
  }
  const why = notes.length > 0 ? notes.join('; ') : 'no rule, team or default rep';
  return { repId: null, teamId: null, reason: `unassigned: ${why}` };
}
