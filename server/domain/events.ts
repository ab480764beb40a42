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
 * Fan-out of live events to the connections of this process; on PostgreSQL also to the other
 * processes (`storage/postgres-events.ts`).
 */
export interface EventBus {
  publish(event: LiveEvent): void;
  subscribe(listener: (event: LiveEvent) => void): () => void;
  /**
   * Calls `listener` when events may have been missed (a bus across processes that lost its
   * connection); returns the unsubscribe. A bus that misses nothing leaves it out.
   */
  onMissed?(listener: () => void): () => void;
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
