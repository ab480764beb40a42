import type { UndeliveredMail, AdminStats, RepStats } from '../../contract';
import type { Rep, ReplyTiming, Store } from '../storage/store';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** How far back the admin's reply statistics look. */
export const STATS_DAYS = 90;

function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2;
}

/**
 * Per rep (in the order given): inquiries answered and assigned, the median minutes to the
 * first reply, and the share answered within 24 hours. An unanswered inquiry counts against
 * the share once it is 24 hours old; a younger one could still make it, so it is left out.
 */
export function replyStats(
  timings: readonly ReplyTiming[],
  reps: ReadonlyArray<Pick<Rep, 'id' | 'name'>>,
  now: Date,
): RepStats[] {
  const byRep = new Map<string, ReplyTiming[]>();
  for (const timing of timings) {
    const list = byRep.get(timing.repId) ?? [];
    list.push(timing);
    byRep.set(timing.repId, list);
  }
  return reps.map((rep) => {
    const own = byRep.get(rep.id) ?? [];
    const waits: number[] = [];
    let decided = 0;
    let within = 0;
    for (const { createdAt, firstReplyAt } of own) {
      const created = Date.parse(createdAt);
      if (firstReplyAt !== null) {
        const wait = Date.parse(firstReplyAt) - created;
        waits.push(wait / MINUTE);
        decided++;
        if (wait <= DAY) within++;
      } else if (now.getTime() - created > DAY) {
        decided++;
      }
    }
    waits.sort((a, b) => a - b);
    return {
      repId: rep.id,
      name: rep.name,
      answered: waits.length,
      total: own.length,
      medianFirstReplyMinutes: median(waits),
      shareWithin24h: decided === 0 ? null : within / decided,
    };
  });
}

/** The site's latest 200 deliveries that failed for good. */
async function undeliveredMail(store: Store, siteId: string): Promise<UndeliveredMail[]> {
  const failed = await store.listFailedDeliveries(siteId, 200);
  return failed.map((d) => ({
    id: d.id,
    kind: d.kind,
    inquiryId: d.inquiryId,
    attempts: d.attempts,
    lastError: d.lastError,
    createdAt: d.createdAt,
  }));
}

/** The site's reply statistics over the last STATS_DAYS days. */
export async function siteReplyStats(
  { store, clock }: { store: Store; clock: () => Date },
  siteId: string,
): Promise<AdminStats> {
  const now = clock();
  const since = new Date(now.getTime() - STATS_DAYS * DAY).toISOString();
  const [timings, reps, undelivered] = await Promise.all([
    store.replyTimings(siteId, since),
    store.listReps(siteId),
    undeliveredMail(store, siteId),
  ]);
  return { since, reps: replyStats(timings, reps, now), undelivered };
}
