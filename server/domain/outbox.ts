import type { Delivery, Store } from '../storage/store';
import { createPeriodic } from './periodic';

/** Performs one delivery; throws to have it retried, or a PermanentDeliveryError to give up. */
export type DeliveryHandler = (delivery: Delivery) => Promise<void>;

/** A failure that retrying cannot mend (a receiver's 4xx): the delivery fails for good now. */
export class PermanentDeliveryError extends Error {
  override name = 'PermanentDeliveryError';
  readonly permanent = true;
}

/** A PermanentDeliveryError, or any error that says it is permanent (mail's RecipientRefused). */
const isPermanent = (err: unknown) =>
  err instanceof Error && (err as { permanent?: unknown }).permanent === true;

/** What one attempt at one delivery came to; batch work reports per item, never throws. */
export type DeliveryResult =
  | { id: string; outcome: 'sent' }
  | { id: string; outcome: 'retry'; error: string; retryAt: string }
  | { id: string; outcome: 'failed'; error: string }
  | { id: string; outcome: 'taken' };

export interface OutboxOptions {
  store: Store;
  handlers: Record<string, DeliveryHandler>;
  clock?: () => Date;
  random?: () => number;
  pollMs?: number;
  batchSize?: number;
  /**
   * How many lanes (a webhook's deliveries; each mail its own) are sent at once. Within a
   * lane deliveries go one at a time, in order.
   */
  concurrency?: number;
  /** Attempts before a delivery is marked failed for good. */
  maxAttempts?: number;
  /** How long a claimed row stays hidden from other senders; a crash frees it after this. */
  leaseMs?: number;
  onResult?: (delivery: Delivery, result: DeliveryResult) => void;
  /** Told of a delivery given up for good (to report it); its own failure is only logged. */
  onFailed?: (delivery: Delivery, error: string) => Promise<void>;
  /** Where the worker's own failures are told (the server's JSON log; stderr when none). */
  onError?: (message: string, err: unknown) => void;
}

export interface OutboxWorker {
  /**
   * Delivers what is due now, batch after batch while deliveries go out (rows they queue for
   * now included); once `signal` aborts, it starts no further delivery.
   */
  runOnce(signal?: AbortSignal): Promise<DeliveryResult[]>;
  /** Polls every `pollMs` until stopped. */
  start(): void;
  /** Stops polling and waits for the delivery under way; the rest of its batch is left due. */
  stop(): Promise<void>;
}

/**
 * Delay before retry number `attempt` (1-based): exponential from 10 s, capped at two hours,
 * with "equal jitter" (half fixed, half random) so that many failures do not retry in step.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(10_000 * 2 ** (attempt - 1), 7_200_000);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Attempts before a delivery fails for good, by default: 20 run 10-21 hours (delays of 5-10 s
 * doubling, then 1-2 hours), so a mail server or a webhook receiver down for a night is waited
 * for, as mail servers among themselves do. (8 gave up after 11-21 minutes: a receiver's deploy
 * lost every event made meanwhile.)
 */
export const MAX_ATTEMPTS = 20;

/** The outbox worker: claims due deliveries, runs their handler, records the outcome. */
export function createOutboxWorker({
  store,
  handlers,
  clock = () => new Date(),
  random = Math.random,
  pollMs = 1000,
  batchSize = 20,
  concurrency = 1,
  maxAttempts = MAX_ATTEMPTS,
  leaseMs = 120_000,
  onResult,
  onFailed,
  onError = (message, err) => console.error(message, err),
}: OutboxOptions): OutboxWorker {
  async function deliver(delivery: Delivery): Promise<DeliveryResult> {
    const now = clock().getTime();
    const lease = new Date(now + leaseMs).toISOString();
    const claimed = await store.claimDelivery(delivery, lease);
    if (!claimed) return { id: delivery.id, outcome: 'taken' };
    const attempt = delivery.attempts + 1;
    try {
      const handler = handlers[delivery.kind];
      if (!handler) throw new Error(`no handler for delivery kind "${delivery.kind}"`);
      await handler(delivery);
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      if (attempt >= maxAttempts || isPermanent(err)) {
        // Reported only when this worker still held the row: one that took it over meanwhile
        // has an outcome of its own to report.
        const recorded = await store.markDeliveryAttemptFailed(delivery.id, lease, error, null);
        if (recorded) {
          await onFailed?.(delivery, error).catch((err: unknown) =>
            onError(`[outbox] could not report failed delivery ${delivery.id}`, err),
          );
        }
        return { id: delivery.id, outcome: 'failed', error };
      }
      const retryAt = new Date(clock().getTime() + retryDelayMs(attempt, random)).toISOString();
      await store.markDeliveryAttemptFailed(delivery.id, lease, error, retryAt);
      return { id: delivery.id, outcome: 'retry', error, retryAt };
    }
    await store.markDeliverySent(delivery.id, clock().toISOString());
    return { id: delivery.id, outcome: 'sent' };
  }

  async function runOnce(signal?: AbortSignal): Promise<DeliveryResult[]> {
    const results: DeliveryResult[] = [];
    // Only kinds it can handle: the rest wait for a worker that can (mail for SMTP_URL).
    const kinds = Object.keys(handlers);
    // One lane's deliveries in turn. Once one is to be retried, its receiver is down or slow:
    // the lane's other due rows are put off to that retry, not each given its own timeout now.
    const sendLane = async (lane: Delivery[]) => {
      for (const delivery of lane) {
        // Stopped: a batch of slow sends (SMTP down) would outlast the shutdown's grace. Each
        // row is claimed only as its turn comes, so the ones left here hold no lease, stay due.
        if (signal?.aborted) return;
        const result = await deliver(delivery);
        onResult?.(delivery, result);
        results.push(result);
        if (result.outcome === 'retry' && delivery.lane !== null) {
          await store.postponeLane(delivery.lane, clock().toISOString(), result.retryAt);
          return;
        }
      }
    };
    // Lanes under way, and lanes read but not begun. Due rows are read again whenever none wait
    // and a lane ends or a poll's interval passes: the rest of a backlog, and rows a delivery
    // queued for now (an admin notice's mail to each admin), go in the same run, while a lane
    // whose call hangs holds up only its own rows. It ends once nothing but what is under way
    // is due, and that has ended.
    const busy = new Map<string, Promise<void>>();
    let waiting: Delivery[][] = [];
    let failure: { error: unknown } | undefined;
    try {
      while (!signal?.aborted && !failure) {
        if (waiting.length === 0) {
          const due = await store.dueDeliveries(clock().toISOString(), batchSize, kinds, [
            ...busy.keys(),
          ]);
          waiting = [...groupBy(due, (d) => d.lane ?? d.id)]
            .filter(([key]) => !busy.has(key))
            .map(([, rows]) => rows);
        }
        while (busy.size < concurrency && waiting.length > 0) {
          const lane = waiting.shift() ?? [];
          const key = lane[0]?.lane ?? lane[0]?.id ?? '';
          const run = sendLane(lane)
            .catch((error: unknown) => void (failure ??= { error }))
            .finally(() => busy.delete(key));
          busy.set(key, run);
        }
        if (busy.size === 0) break;
        // Until a lane ends, or the poll's interval has passed: rows made meanwhile go now,
        // beside a lane whose call hangs.
        let timer: NodeJS.Timeout | undefined;
        const poll = new Promise<void>((resolve) => (timer = setTimeout(resolve, pollMs)));
        await Promise.race([...busy.values(), poll]);
        clearTimeout(timer);
      }
    } finally {
      await Promise.all(busy.values());
    }
    if (failure) throw failure.error;
    return results;
  }

  const periodic = createPeriodic('outbox', runOnce, pollMs, onError);
  return { runOnce, start: periodic.start, stop: periodic.stop };
}

/** `items` grouped by `key`, the groups in the order of their first item. */
function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}
