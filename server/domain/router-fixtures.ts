import type { WeeklyHours } from '../../contract';
import type { RoutingInput, RoutingRep, RoutingTeam } from './router';

// The router tests' site: reps, teams and an inquiry, each with defaults to override.

// Sunday 29 Nov 2026, 08:00 UTC: 16:00 in Shanghai, 09:00 in Berlin, 03:00 in New York.
export const NOW = new Date('2026-11-29T08:00:00Z');
export const WEEKDAYS_9_TO_6 = (timezone: string): WeeklyHours => ({
  timezone,
  days: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['09:00', '18:00']]]),
  ),
});
export const ALL_WEEK = (timezone: string): WeeklyHours => ({
  timezone,
  days: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]]),
  ),
});

export const rep = (id: string, over: Partial<RoutingRep> = {}): RoutingRep => ({
  id,
  name: id.toUpperCase(),
  handle: id,
  active: true,
  away: false,
  hours: null,
  maxOpen: null,
  openCount: 0,
  languages: [],
  countries: [],
  ...over,
});
export const team = (
  id: string,
  memberIds: string[],
  over: Partial<RoutingTeam> = {},
): RoutingTeam => ({
  id,
  name: id,
  distribution: 'round-robin',
  memberIds,
  lastAssignedRepId: null,
  turns: 0,
  ...over,
});
export const input = (over: Partial<RoutingInput> = {}): RoutingInput => ({
  site: { defaultRepId: 'moore', defaultTeamId: null },
  reps: [rep('moore'), rep('ana'), rep('li')],
  teams: [team('sales', ['moore', 'ana'])],
  rules: [],
  inquiry: { products: [] },
  lastRepIdForEmail: null,
  now: NOW,
  ...over,
});
