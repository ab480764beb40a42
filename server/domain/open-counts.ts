import type { Store } from '../storage/store';
import type { RoutingRep } from './router';

// The inquiries this process has routed to each rep and not yet written (Store.assigning: one
// per store, shared by its wrappers). A rep's open count is read before routing, and an inquiry
// is written after the routing of every other one arriving meanwhile (under load, after a wait
// for a shared commit): read alone, a burst would see the same count and pass a rep's cap
// together, or a least-open team would give the whole burst to one member. So a routing counts
// the inquiries held for each rep when it runs route(), and those written since it began to
// read (its read may have missed them); it holds its own with no await after route(), as team
// turns are taken (team-turns.ts), until its write has succeeded or failed. A written one is
// forgotten once no routing that began before it is still reading. Processes do not see each
// other's: two routing for one rep in the same moment may still both take the last place.

/** A routing of this process: its reads, then route() on the counts it gives. */
export interface CountedRouting {
  /** `reps` with the inquiries still held for them, and written since the reading began. */
  counted<T extends Pick<RoutingRep, 'id' | 'openCount'>>(reps: T[]): T[];
  /** Holds an inquiry routed to `repId`; call what it returns once it is written (or not). */
  hold(repId: string | null): () => void;
}

/** Runs `read` (the routing's reads, route(), and hold) as one routing of this process. */
export async function routeCounted<T>(
  store: Store,
  read: (routing: CountedRouting) => Promise<T>,
): Promise<T> {
  const a = store.assigning();
  const began = a.next++;
  a.reading.push(began);
  const routing: CountedRouting = {
    counted: (reps) =>
      reps.map((rep) => {
        const written = a.written.filter((w) => w.at > began && w.repId === rep.id).length;
        const pending = (a.held.get(rep.id) ?? 0) + written;
        return pending === 0 ? rep : { ...rep, openCount: rep.openCount + pending };
      }),
    hold(repId) {
      if (!repId) return () => {};
      a.held.set(repId, (a.held.get(repId) ?? 0) + 1);
      let held = true;
      return () => {
        if (!held) return;
        held = false;
        const left = (a.held.get(repId) ?? 1) - 1;
        if (left > 0) a.held.set(repId, left);
        else a.held.delete(repId);
        if (a.reading.length > 0) a.written.push({ at: a.next++, repId });
      };
    },
  };
  try {
    return await read(routing);
  } finally {
    a.reading.splice(a.reading.indexOf(began), 1);
    const oldest = Math.min(...a.reading);
    a.written = a.written.filter((w) => w.at > oldest);
  }
}
