import { ESCALATION_NOTICE } from './admin-notices';
import { addSystemMessage } from './conversation';
import { handOver, type InboxDeps } from './inbox-actions';
import { route } from './router';
import { routingContext } from './routing-context';
import { turnGiven, turnNotTaken, withTurnRetries, withTurnsGiven } from './team-turns';
import type { Inquiry, Site, TeamTurn } from '../storage/store';

/** How many overdue inquiries one run handles per site; the next run takes the rest. */
const BATCH = 50;

/**
 * Escalates inquiries with no rep reply within their site's promise (default 24 hours): a
 * system event in the thread, a mail to the rep and the site's admins, and, where the site
 * asks for it, a new rep (the router's choice with the current rep left out). Each inquiry is
 * escalated once. Returns how many were.
 */
export async function escalateOverdue(deps: InboxDeps): Promise<number> {
  const { store, clock } = deps;
  const now = clock();
  let count = 0;
  for (const site of await store.listSites()) {
    const settings = await store.findSiteSettings(site.id);
    if (!settings) continue;
    const hours = settings.replyPromiseHours;
    const cutoff = new Date(now.getTime() - hours * 3_600_000).toISOString();
    for (const inquiry of await store.unansweredBefore(site.id, cutoff, BATCH)) {
      // Routed again when another process took the round-robin turn it chose (team-turns.ts).
      const escalated = await withTurnRetries((takeTurn) =>
        escalate(
          deps,
          { site, hours, reassign: settings.escalationReassign },
          inquiry,
          now,
          takeTurn,
        ),
      );
      if (escalated) count++;
    }
  }
  return count;
}

/**
 * Escalates one inquiry: where the site asks for it, to its next rep, handed it in the
 * escalation's own change (a crash between the two left it escalated, never to be looked at
 * again, with its rep), with the team's round-robin turn that choice took (`takeTurn`).
 */
async function escalate(
  deps: InboxDeps,
  { site, hours, reassign }: { site: Site; hours: number; reassign: boolean },
  inquiry: Inquiry,
  now: Date,
  takeTurn: boolean,
): Promise<boolean> {
  const { store, newId } = deps;
  const next = reassign ? await nextRep(deps, site, inquiry, now) : null;
  const target = next && next.repId !== inquiry.repId ? await store.findRep(next.repId) : null;
  const handing = target && (await handOver(deps, inquiry, target, { whileUnanswered: true }));
  // The event, the notice, the new rep and their turn are written only by the first process to
  // escalate it (several run this on one PostgreSQL), and only while it is unanswered and with
  // the rep read (not over a reply, or an admin's reassignment, made meanwhile); the others
  // find it done and leave it, and take no turn.
  const text =
    `No reply within ${hours} hours: escalated to the admins` +
    (target ? ` and reassigned to ${target.name}` : '');
  let escalated;
  try {
    escalated = await addSystemMessage(
      deps,
      inquiry,
      text,
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
      { teamTurn: target && takeTurn ? next?.turn : null },
    );
  } catch (err) {
    // Undone, then the error itself (a TurnTaken routes again): a failure to revoke the new
    // rep's token, of a rep the inquiry is not with, must not hide it.
    if (next?.turn) turnNotTaken(store, next.turn);
    await handing?.settle(false).catch(() => {});
    throw err;
  }
  // A turn given to nobody (no handover, or no escalation made) is given again next time.
  if (next?.turn && (!escalated || !target)) turnNotTaken(store, next.turn);
  await handing?.settle(escalated !== null);
  return escalated !== null;
}

/**
 * Who takes `inquiry` on its escalation: the router's choice with its rep left out, and the
 * team's round-robin turn that choice takes, if any (given in this process: team-turns.ts).
 */
async function nextRep(
  { store }: InboxDeps,
  site: Site,
  inquiry: Inquiry,
  now: Date,
): Promise<{ repId: string; turn: TeamTurn | null } | null> {
  const context = await routingContext(store, site, inquiry.visitor.email);
  // No await from here to turnGiven: the turn read is the turn given.
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
  return decision.repId ? { repId: decision.repId, turn } : null;
}
