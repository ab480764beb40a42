/** A task run every `pollMs` until stopped; the next run is scheduled when one ends. */
export interface Periodic {
  start(): void;
  /** Stops scheduling, aborts the signal of the run under way and waits for that run to end. */
  stop(): Promise<void>;
}

/**
 * Runs `task` periodically; a failed run is logged under `name` and the next one still comes.
 * Each run is given a signal that aborts on stop(), so a long run can end early instead of
 * holding the shutdown up (the outbox stops between deliveries).
 */
export function createPeriodic(
  name: string,
  task: (signal: AbortSignal) => Promise<unknown>,
  pollMs: number,
  /** Where a failed run is told (the server's JSON log; stderr when none is given). */
  onError: (message: string, err: unknown) => void = (message, err) => console.error(message, err),
  /**
   * When the first run comes after start: `pollMs` unless given. A task run hourly waits less
   * for its first run, or a process restarted more often than that would never run it.
   */
  firstAfterMs = pollMs,
): Periodic {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;
  let controller = new AbortController();
  const schedule = (afterMs = pollMs) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = task(controller.signal)
        .catch((err: unknown) => onError(`[${name}] run failed; trying again next time`, err))
        .finally(() => schedule());
    }, afterMs);
  };
  return {
    start() {
      if (!stopped) return;
      stopped = false;
      controller = new AbortController();
      schedule(firstAfterMs);
    },
    async stop() {
      stopped = true;
      controller.abort();
      clearTimeout(timer);
      await running;
    },
  };
}
