import { ESCALATION_NOTICE } from './admin-notices';
import { addSystemMessage } from './conversation';
import { handOver, type InboxDeps } from './inbox-actions';
import { route } from './router';
import { routingContext } from './routing-context';
import { turnGiven, withTurnRetries, withTurnsGiven } from './team-turns';
import { TurnTaken, type Inquiry, type Site } from '../storage/store';

/** How many overdue inquiries one run handles per site; the next run takes the rest. */
const BATCH = 50;

/**
 * Escalates inquiries with no rep reply within their site's promise (default 24 hours): a
 * system event in the thread, a mail to the rep and the site's admins, and, where the site
 * asks for it, a new rep (the router's choice with the current rep left out). Each inquiry is
 * escalated once. Returns how many were.
 */
export async function escalateOverdue(deps: InboxDeps): Promise<number> {
  const { store, clock, newId } = deps;
  const now = clock();
  let count = 0;
  for (const site of await store.listSites()) {
    const settings = await store.findSiteSettings(site.id);
    if (!settings) continue;
    const hours = settings.replyPromiseHours;
    const cutoff = new Date(now.getTime() - hours * 3_600_000).toISOString();
    for (const inquiry of await store.unansweredBefore(site.id, cutoff, BATCH)) {
      // Where the site asks for it, its next rep, handed it in the escalation's own change: a
      // crash between the two left it escalated, never to be looked at again, with its rep.
      const repId = settings.escalationReassign ? await reassignTo(deps, site, inquiry, now) : null;
      const target = repId && repId !== inquiry.repId ? await store.findRep(repId) : null;
      const handing = target && (await handOver(deps, inquiry, target, { whileUnanswered: true }));
      // The event, the notice and the new rep are written only by the first process to
      // escalate it (several run this on one PostgreSQL), and only while it is unanswered and
      // with the rep read (not over a reply, or an admin's reassignment, made meanwhile); the
      // others find it done and leave it.
      const escalated = await addSystemMessage(
        deps,
        inquiry,
        `No reply within ${hours} hours: escalated to the admins` +
          (target ? ` and reassigned to ${target.name}` : ''),
        { escalatedAt: now.toISOString(), ...handing?.patch },
        [
          {
            id: newId(),
            kind: ESCALATION_NOTICE,
            siteId: inquiry.siteId,
            inquiryId: inquiry.id,
            // The rep who let it wait: the notice is theirs, not the new rep's.
            payload: { inquiryId: inquiry.id, hours: String(hours), repId: inquiry.repId ?? '' },
            dedupeKey: `${ESCALATION_NOTICE}:${inquiry.id}`,
          },
          ...(handing?.deliveries ?? []),
        ],
      );
      await handing?.settle(escalated !== null);
      if (!escalated) continue;
      count++;
    }
  }
  return count;
}

/**
 * Who takes `inquiry` on its escalation: the router's choice with its rep left out. A team's
 * round-robin turn it takes is stored, as a new inquiry's is (team-turns.ts): routed again
 * when another process took that turn first.
 */
function reassignTo(
  { store }: InboxDeps,
  site: Site,
  inquiry: Inquiry,
  now: Date,
): Promise<string | null> {
  return withTurnRetries(async (takeTurn) => {
    const context = await routingContext(store, site, inquiry.visitor.email);
    // No await from here to turnGiven: the turn read is the turn taken.
    const teams = withTurnsGiven(store, context.teams);
    const decision = route({
      ...context,
      teams,
      // The rep who let it wait is treated as away, and so is their buyer history.
      reps: context.reps.map((r) => (r.id === inquiry.repId ? { ...r, away: true } : r)),
      lastRepIdForEmail: null,
      inquiry: {
        country: inquiry.visitor.country,
        language: inquiry.page.language,
        pageUrl: inquiry.page.url,
        products: inquiry.products,
      },
      now,
    });
    const turn = turnGiven(store, teams, decision);
    if (takeTurn && turn && !(await store.takeTeamTurn(turn))) {
      throw new TurnTaken(turn.teamId, turn.turn);
    }
    return decision.repId;
  });
}
