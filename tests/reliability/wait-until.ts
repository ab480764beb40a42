import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Polls `done` every `everyMs` until it holds; resolves with the wait in ms, or rejects after
 * `timeoutMs` with `describe()` (what is still missing) in the message.
 */
export async function waitUntil(
  done: () => boolean | Promise<boolean>,
  {
    timeoutMs,
    everyMs = 100,
    describe,
  }: { timeoutMs: number; everyMs?: number; describe: () => string },
): Promise<number> {
  const began = Date.now();
  while (!(await done())) {
    if (Date.now() - began > timeoutMs) {
      throw new Error(`still waiting after ${timeoutMs} ms: ${describe()}`);
    }
    await sleep(everyMs);
  }
  return Date.now() - began;
}
