/** A server-sent event stream read over real HTTP, collecting each event's JSON data. */
export interface SseClient {
  events: unknown[];
  /** Resolves once an event that `match` accepts has arrived (or already had). */
  waitFor(match: (event: unknown) => boolean, timeoutMs?: number): Promise<unknown>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/** Opens `url` and resolves once the server says the stream is connected (`: connected`). */
export async function openSse(
  url: string,
  headers: Record<string, string> = {},
): Promise<SseClient> {
  const abort = new AbortController();
  const res = await fetch(url, { headers, signal: abort.signal });
  if (res.status !== 200 || !res.body) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  const events: unknown[] = [];
  const wakers = new Set<() => void>();
  let buffer = '';
  let connected!: () => void;
  const ready = new Promise<void>((resolve) => (connected = resolve));

  let end!: () => void;
  const ended = new Promise<void>((resolve) => (end = resolve));
  const pump = async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return end();
      buffer += value;
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.startsWith(': connected')) connected();
        for (const line of block.split('\n')) {
          if (line.startsWith('data: ')) events.push(JSON.parse(line.slice(6)));
        }
        for (const wake of wakers) wake();
      }
    }
  };
  pump().catch((err: unknown) => {
    if (!abort.signal.aborted) console.error(`[sse] ${url}:`, err);
  });
  await ready;

  return {
    events,
    ended,
    waitFor(match, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(match);
          if (found === undefined) return;
          wakers.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          wakers.delete(check);
          reject(
            new Error(`${url}: no matching event in ${timeoutMs} ms: ${JSON.stringify(events)}`),
          );
        }, timeoutMs);
        wakers.add(check);
        check();
      });
    },
    close: () => abort.abort(),
  };
}
