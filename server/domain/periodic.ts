/** A task run every `pollMs` until stopped; the next run is scheduled when one ends. */
export interface Periodic {
  start(): void;
  /** Stops scheduling and waits for the run under way. */
  stop(): Promise<void>;
}

/** Runs `task` periodically; a failed run is logged under `name` and the next one still comes. */
export function createPeriodic(
  name: string,
  task: () => Promise<unknown>,
  pollMs: number,
): Periodic {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = task()
        .catch((err: unknown) => console.error(`[${name}] run failed; trying again next time`, err))
        .finally(schedule);
    }, pollMs);
  };
  return {
    start() {
      if (!stopped) return;
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
