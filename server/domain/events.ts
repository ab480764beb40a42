/** Something changed that a live inbox or an open conversation should show. */
export interface LiveEvent {
  type: 'inquiry' | 'message' | 'status';
  siteId: string;
  repId: string | null;
  inquiryId: string;
  /** False for internal notes and inbox-only changes: open widgets are not told. */
  visitorVisible: boolean;
}

/**
 * An inbox-only change to `inquiry` (read, handed on) for its rep's inbox and the site's
 * admins; open widgets are not told.
 */
export const statusEvent = (inquiry: {
  id: string;
  siteId: string;
  repId: string | null;
}): LiveEvent => ({
  type: 'status',
  siteId: inquiry.siteId,
  repId: inquiry.repId,
  inquiryId: inquiry.id,
  visitorVisible: false,
});

/**
 * Fan-out of live events to the connections of this process; on PostgreSQL also to the other
 * processes (`storage/postgres-events.ts`).
 */
export interface EventBus {
  publish(event: LiveEvent): void;
  subscribe(listener: (event: LiveEvent) => void): () => void;
  /**
   * Calls `listener` when events may be missed from now on (a bus across processes that lost
   * its connection, a process stopping): a live stream ends, and its client reconnects and
   * reads its state again. Returns the unsubscribe. A bus that misses nothing leaves it out.
   */
  onMissed?(listener: () => void): () => void;
}

/**
 * `bus`, whose live streams can all be ended at once (a process stopping, so that they
 * reconnect to another): `endStreams` tells its onMissed listeners, as the bus itself does.
 */
export function withEndableStreams<B extends EventBus>(bus: B): B & { endStreams(): void } {
  const listeners = new Set<() => void>();
  let ended = false;
  return {
    ...bus,
    onMissed(listener: () => void) {
      // A stream that starts after the end (a reconnection still reaching this process) ends
      // as soon as it has begun.
      if (ended) {
        queueMicrotask(listener);
        return () => {};
      }
      listeners.add(listener);
      const fromBus = bus.onMissed?.(listener);
      return () => {
        listeners.delete(listener);
        fromBus?.();
      };
    },
    endStreams() {
      ended = true;
      for (const listener of [...listeners]) listener();
    },
  };
}

/** An in-process bus: enough for one server process (SQLite). */
export function createLocalEventBus(): EventBus {
  const listeners = new Set<(event: LiveEvent) => void>();
  return {
    publish(event) {
      for (const listener of listeners) listener(event);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
