const FIRST_MS = 5_000;
const MAX_MS = 5 * 60_000;
const JITTER = 0.2;

/**
 * How long to wait before retry number `attempt` (0 for the first): 5 s, doubling up to 5 min,
 * each within ±20% so visitors who come back online together do not all retry in step.
 */
export function retryDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_MS, FIRST_MS * 2 ** Math.max(0, attempt));
  return Math.min(MAX_MS, Math.round(base * (1 - JITTER + 2 * JITTER * random())));
}
