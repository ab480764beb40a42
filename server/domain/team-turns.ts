import { TurnTaken, type Store, type TeamTurn } from '../storage/store';
import type { RoutingDecision, RoutingTeam } from './router';

// The round-robin turns this process has given, per database and team (Store.givenTurns, so
// that the app's wrappers of the store and the escalation run share them). The database keeps
// a team's last turn too (its number and member), but writes it with the inquiry, after the
// routing reads of every other inquiry arriving meanwhile (and, under load, after a wait for
// a shared commit): read alone, a burst would give every inquiry the same "next" member. So a
// turn this process gave counts until the database holds a later one, which another process
// may have given; both are overlaid on the teams just before route() runs and recorded right
// after it, with no await between, so each turn is taken once. Of two processes routing for
// one team in the same moment, the second to write the turn finds it taken and routes again.

/** Routings of one assignment at most, when other processes keep taking its team's turn. */
const TURN_ATTEMPTS = 3;

/**
 * Runs `assign` (route, then store the turn it took) until no other process has taken that
 * turn first (it throws TurnTaken), up to TURN_ATTEMPTS times; the last try is told to take
 * no turn, so that the assignment is made whatever the other processes do.
 */
export async function withTurnRetries<T>(assign: (takeTurn: boolean) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await assign(attempt < TURN_ATTEMPTS);
    } catch (err) {
      if (!(err instanceof TurnTaken) || attempt >= TURN_ATTEMPTS) throw err;
    }
  }
}

/** `teams` with the turns this process gave on `store` that the database does not hold yet. */
export function withTurnsGiven(store: Store, teams: RoutingTeam[]): RoutingTeam[] {
  const turns = store.givenTurns();
  return teams.map((team) => {
    const mine = turns.get(team.id);
    return mine === undefined || mine.turn <= team.turns
      ? team
      : { ...team, lastAssignedRepId: mine.repId, turns: mine.turn };
  });
}

/**
 * Records the turn `decision` took of one of `teams` (as route() saw them), if it took one;
 * returns it, for the inquiry's write to store.
 */
export function turnGiven(
  store: Store,
  teams: RoutingTeam[],
  decision: RoutingDecision,
): TeamTurn | null {
  const team = teams.find((t) => t.id === decision.teamId);
  if (!team || !decision.repId) return null;
  const turn = { repId: decision.repId, turn: team.turns + 1 };
  const given = store.givenTurns();
  const before = given.get(team.id);
  given.set(team.id, turn);
  const taken = { teamId: team.id, ...turn };
  recorded.set(taken, { given: turn, before });
  return taken;
}

// What turnGiven put in place of what, per turn it returned.
const recorded = new WeakMap<
  TeamTurn,
  { given: Omit<TeamTurn, 'teamId'>; before: Omit<TeamTurn, 'teamId'> | undefined }
>();

/**
 * Takes back a turn turnGiven recorded that no write took (an escalation not made), unless a
 * later one was given since: the team's next routing in this process gives that turn again,
 * instead of skipping a teammate.
 */
export function turnNotTaken(store: Store, turn: TeamTurn): void {
  const entry = recorded.get(turn);
  const given = store.givenTurns();
  if (!entry || given.get(turn.teamId) !== entry.given) return;
  if (entry.before) given.set(turn.teamId, entry.before);
  else given.delete(turn.teamId);
}
