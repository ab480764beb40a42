import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { EventBus, LiveEvent } from '../domain/events';

/** A comment line every so often keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 25_000;

/**
 * Streams the live events `select` keeps (mapped to what the client gets) as server-sent
 * events, until the client goes away.
 */
export function liveEvents(
  c: Context,
  events: EventBus,
  select: (event: LiveEvent) => object | null,
): Response {
  c.header('Cache-Control', 'no-store');
  // Proxies such as nginx buffer responses unless told not to; an event must arrive at once.
  c.header('X-Accel-Buffering', 'no');
  return streamSSE(c, async (stream) => {
    const unsubscribe = events.subscribe((event) => {
      const data = select(event);
      if (data) void stream.writeSSE({ data: JSON.stringify(data) });
    });
    stream.onAbort(unsubscribe);
    await stream.write(': connected\n\n');
    while (!stream.aborted && !stream.closed) {
      await stream.sleep(HEARTBEAT_MS);
      await stream.write(': ping\n\n');
    }
    unsubscribe();
  });
}
