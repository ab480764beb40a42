import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { EventBus, LiveEvent } from '../domain/events';

/** A comment line every so often keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 25_000;

/**
 * Event data (in characters) a client may leave unsent before its stream is dropped: hundreds of
 * events, far more than arrive at once, and little memory per connection.
 */
const MAX_UNSENT = 64 * 1024;

/**
 * Streams the live events `select` keeps (mapped to what the client gets) as server-sent
 * events, until the client goes away or stops reading, or `stillAllowed` (asked at each
 * heartbeat) says its access has ended: a rep signed out, deactivated or given another role.
 */
export function liveEvents(
  c: Context,
  events: EventBus,
  select: (event: LiveEvent) => object | null,
  {
    stillAllowed,
    heartbeatMs = HEARTBEAT_MS,
  }: { stillAllowed?: () => Promise<boolean>; heartbeatMs?: number } = {},
): Response {
  c.header('Cache-Control', 'no-store');
  // Proxies such as nginx buffer responses unless told not to; an event must arrive at once.
  c.header('X-Accel-Buffering', 'no');
  return streamSSE(c, async (stream) => {
    // A write waits while the client does not read (its socket is full); every event after it
    // would wait too, kept for that client without limit. Past MAX_UNSENT the stream is dropped
    // instead: what was on its way still arrives, then the response ends, and EventSource
    // reconnects; the widget and the inbox read their state again after a reconnection
    // (widget/form/live-updates.ts, inbox/live-updates.ts), so no change is missed.
    let unsent = 0;
    let listening = true;
    const stopListening = events.subscribe((event) => {
      const selected = select(event);
      if (!selected) return;
      const data = JSON.stringify(selected);
      if (unsent + data.length > MAX_UNSENT) {
        stream.abort();
        return;
      }
      unsent += data.length;
      void stream.writeSSE({ data }).then(() => {
        unsent -= data.length;
      });
    });
    // Events this process's bus missed (its connection to the other processes was lost) end
    // the stream the same way: the client reconnects and reads its state again.
    const stopMissed = events.onMissed?.(() => stream.abort());
    // Once, whichever comes first: the client leaving, or the stream ending here.
    const unsubscribe = () => {
      if (listening) {
        stopListening();
        stopMissed?.();
      }
      listening = false;
    };
    stream.onAbort(unsubscribe);
    try {
      await stream.write(': connected\n\n');
      while (!stream.aborted && !stream.closed) {
        await stream.sleep(heartbeatMs);
        if (stream.aborted || stream.closed) break;
        // The client reconnects as who it is now (the inbox: a 401 sends it to sign in). A
        // check that fails (the database away a moment) ends the stream the same way.
        if (stillAllowed && !(await stillAllowed().catch(() => false))) {
          stream.abort();
          break;
        }
        await stream.write(': ping\n\n');
      }
    } finally {
      // However the stream ends (a write that failed too): a listener left behind would take
      // every later event, for a stream nobody reads, for as long as the process runs.
      unsubscribe();
    }
  });
}
