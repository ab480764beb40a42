import type { InboxEvent } from '../contract/inbox';
import { report } from './report';
import { readEvent } from './responses';

/** What to do with the stream: each event, and a full refresh after a gap. */
export interface LiveUpdatesOptions {
  url?: string;
  onEvent(event: InboxEvent): void;
  /**
   * The stream is open, the first time or again after an error: events may have been missed
   * (what happened between the list's first read and the stream's opening, or during a gap).
   */
  onResync(): void;
  /**
   * The server refused the stream (EventSource gives up on a non-200 answer). Resolve true to
   * try again later, false to stop (the session is gone).
   */
  onRefused(): Promise<boolean>;
  retryMs?: number;
}

/** Stops the stream. */
export type StopLiveUpdates = () => void;

/**
 * Listens to `GET /api/inbox/events`. EventSource reconnects by itself after a dropped
 * connection; only a refused one (401, 5xx) needs a new EventSource.
 */
export function startLiveUpdates({
  url = '/api/inbox/events',
  onEvent,
  onResync,
  onRefused,
  retryMs = 5_000,
}: LiveUpdatesOptions): StopLiveUpdates {
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  // True at first: what arrived between the page's first reads and the stream's opening.
  let missed = true;
  let delay = retryMs;

  const connect = () => {
    if (stopped) return;
    const current = new EventSource(url);
    source = current;
    current.addEventListener('open', () => {
      delay = retryMs;
      if (missed) onResync();
      missed = false;
    });
    current.addEventListener('message', (message) => {
      const event = readEvent(message.data);
      if (event) onEvent(event);
    });
    current.addEventListener('error', () => {
      missed = true;
      if (current.readyState !== EventSource.CLOSED || stopped) return;
      onRefused()
        .then((retry) => {
          if (!retry || stopped) return;
          timer = setTimeout(connect, delay);
          delay = Math.min(delay * 2, 60_000);
        })
        .catch(report);
    });
  };

  connect();
  return () => {
    stopped = true;
    clearTimeout(timer);
    source?.close();
  };
}
