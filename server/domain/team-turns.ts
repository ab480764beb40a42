import type { Store } from '../storage/store';
import type { RoutingTeam } from './router';

// The round-robin turns this process has given, per store and team. The database keeps a
// team's turn too, but it is written with the inquiry, after the routing reads of every other
// inquiry arriving meanwhile (and, under load, after a wait for a shared commit): read alone,
// a burst would give every inquiry the same "next" member. Overlaid on the teams just before
// route() runs and recorded right after it, with no await between, so each turn is taken
// once. Several processes each keep their own rotation, starting from the database's.
const given = new WeakMap<Store, Map<string, string>>();

/** `teams` with the turns this process gave on `store` since it last read them. */
export function withTurnsGiven(store: Store, teams: RoutingTeam[]): RoutingTeam[] {
  const turns = given.get(store);
  if (!turns) return teams;
  return teams.map((team) => {
    const repId = turns.get(team.id);
    return repId === undefined ? team : { ...team, lastAssignedRepId: repId };
  });
}

/** Records that `teamId`'s turn went to `repId`. */
export function turnGiven(store: Store, teamId: string, repId: string): void {
  let turns = given.get(store);
  if (!turns) {
    turns = new Map();
    given.set(store, turns);
  }
  turns.set(teamId, repId);
}
