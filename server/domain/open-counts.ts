import type { Store } from '../storage/store';
import type { RoutingRep } from './router';

// The inquiries this process has routed to each rep and not yet written (Store.assigning: one
// map per store, shared by its wrappers). A rep's open count is read before routing, and an
// inquiry is written after the routing of every other one arriving meanwhile (under load, after
// a wait for a shared commit): read alone, a burst would see the same count and pass a rep's
// cap together, or a least-open team would give the whole burst to one member. Added to the
// counts just before route() runs and taken right after it, with no await between, as the team
// turns are (team-turns.ts); let go once the write has succeeded or failed. Processes do not see
// each other's: two routing for one rep in the same moment may still both take the last place.

/** `reps` with the inquiries this process is still writing for them counted as open. */
export function withAssigning<T extends Pick<RoutingRep, 'id' | 'openCount'>>(
  store: Store,
  reps: T[],
): T[] {
  const assigning = store.assigning();
  return reps.map((rep) => {
    const pending = assigning.get(rep.id) ?? 0;
    return pending === 0 ? rep : { ...rep, openCount: rep.openCount + pending };
  });
}

/** Counts an inquiry routed to `repId` until the returned function is called (once written). */
export function holdAssignment(store: Store, repId: string | null): () => void {
  if (!repId) return () => {};
  const assigning = store.assigning();
  assigning.set(repId, (assigning.get(repId) ?? 0) + 1);
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    const left = (assigning.get(repId) ?? 1) - 1;
    if (left > 0) assigning.set(repId, left);
    else assigning.delete(repId);
  };
}
