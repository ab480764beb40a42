import { isRecord } from '../responses';

/** The part of `EventSource` live updates use; a fake in tests. */
export interface EventSourceLike {
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  readonly readyState: number;
  close(): void;
}

/** Where the events come from, what to do on news, and how to fall back. */
export interface LiveUpdatesOptions {
  url: string;
  /** Something changed (or may have): fetch the conversation again. */
  onChange: () => void;
  /** Opens the event stream; null where the browser has no EventSource. */
  connect?: (url: string) => EventSourceLike | null;
  /** Errors in a row, without a successful (re)connection between, before polling instead. */
  maxErrors?: number;
  pollMs?: number;
}

const CLOSED = 2;

const connectEventSource = (url: string): EventSourceLike | null =>
  typeof EventSource === 'function' ? new EventSource(url) : null;

// A message event names what changed; an unreadable one still means something did.
const isChange = (data: unknown): boolean => {
  if (typeof data !== 'string') return true;
  try {
    const event: unknown = JSON.parse(data);
    return !isRecord(event) || event.type === 'message';
  } catch {
    // Not JSON: refetching costs one request, missing a reply costs the visitor.
    return true;
  }
};

/**
 * Follows one conversation while the thread is shown: server-sent events where they work,
 * else (no EventSource, a refused stream, repeated errors) a fetch every `pollMs`. Returns
 * the function that stops it.
 */
export function followConversation({
  url,
  onChange,
  connect = connectEventSource,
  maxErrors = 3,
  pollMs = 15_000,
}: LiveUpdatesOptions): () => void {
  let timer: ReturnType<typeof setInterval> | undefined;
  let source: EventSourceLike | null = null;
  const poll = () => {
    source?.close();
    source = null;
    timer ??= setInterval(onChange, pollMs);
  };

  source = connect(url);
  if (!source) poll();
  else {
    const events = source;
    let errors = 0;
    events.onopen = () => {
      // Events sent before the stream opened (after the thread's first read, or while we were
      // away) are lost: catch up once.
      onChange();
      errors = 0;
    };
    events.onmessage = (event) => {
      if (isChange(event.data)) onChange();
    };
    events.onerror = () => {
      errors++;
      // CLOSED: the browser gave up (an HTTP error or a wrong content type) and will not retry.
      if (events.readyState === CLOSED || errors >= maxErrors) poll();
    };
  }

  return () => {
    source?.close();
    source = null;
    clearInterval(timer);
  };
}
