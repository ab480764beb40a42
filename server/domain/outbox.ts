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
   * How many deliveries go at once, each of another lane (a webhook's deliveries; each mail is
   * one of its own): within a lane they go one at a time, in order (Store.dueDeliveries).
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
   * Delivers what is due now, reading again while deliveries go out (rows they queue for now
   * included), up to MAX_PER_RUN; once `signal` aborts, it begins no further delivery.
   */
  runOnce(signal?: AbortSignal): Promise<DeliveryResult[]>;
  /** Polls every `pollMs` until stopped. */
  start(): void;
  /** Stops polling and waits for the deliveries under way; the rest are left due, unclaimed. */
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

/**
 * Deliveries one run begins at most: a run under steady load (one lane always under way) would
 * otherwise never end, and keep every outcome. The next poll goes on.
 */
const MAX_PER_RUN = 1000;

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
          // Its receiver failed every attempt for 10-21 hours: the rows waiting behind it in
          // its lane are given up on with it (each would wait as long again), reported once.
          if (delivery.lane !== null && !isPermanent(err)) {
            await store.failLane(
              delivery.lane,
              clock().toISOString(),
              `not sent: delivery ${delivery.id}, ahead of it to the same receiver, failed ${attempt} attempts (${error})`,
            );
          }
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
    // Rows read are each the first of their lane (dueDeliveries), so any two can go at once.
    // They are read again once those read have begun, whenever one went out (the rest of a
    // backlog, the next of its lane, rows a delivery queued for now such as an admin notice's
    // mail to each admin) or a poll's interval passed while some are under way (rows made
    // meanwhile go beside a call that hangs). The run ends when a read finds nothing to begin
    // and nothing is under way: rows that were all retried later, failed, or taken by another
    // worker are not read again at once (the next run takes what they let come due).
    const underWay = new Set<Promise<void>>();
    // Rows begun, as they were read: one taken by another worker and still due is not begun
    // again, but one retried meanwhile and due again is.
    const begun = new Set<string>();
    const seen = (d: Delivery) => `${d.id}@${d.nextAttemptAt}`;
    let waiting: Delivery[] = [];
    let readAgain = true;
    let failure: { error: unknown } | undefined;
    const begin = (delivery: Delivery) => {
      begun.add(seen(delivery));
      const run = deliver(delivery)
        .then((result) => {
          onResult?.(delivery, result);
          results.push(result);
          if (result.outcome === 'sent') readAgain = true;
        })
        .catch((error: unknown) => void (failure ??= { error }))
        .finally(() => underWay.delete(run));
      underWay.add(run);
    };
    try {
      // Stopped: a batch of slow sends (SMTP down) would outlast the shutdown's grace. Each row
      // is claimed only as it begins, so the ones left hold no lease and stay due.
      while (!signal?.aborted && !failure) {
        if (waiting.length === 0 && readAgain && underWay.size < concurrency) {
          readAgain = false;
          const due = await store.dueDeliveries(clock().toISOString(), batchSize, kinds);
          waiting = due.filter((d) => !begun.has(seen(d))).slice(0, MAX_PER_RUN - begun.size);
        }
        while (underWay.size < concurrency && waiting.length > 0 && !signal?.aborted) {
          begin(waiting.shift() as Delivery);
        }
        if (underWay.size === 0) {
          if (readAgain || waiting.length > 0) continue;
          break;
        }
        let timer: NodeJS.Timeout | undefined;
        const poll = new Promise<void>((resolve) => {
          timer = setTimeout(() => resolve(void (readAgain = true)), pollMs);
        });
        await Promise.race([...underWay, poll]);
        clearTimeout(timer);
      }
    } finally {
      await Promise.all(underWay);
    }
    if (failure) throw failure.error;
    return results;
  }

  const periodic = createPeriodic('outbox', runOnce, pollMs, onError);
  return { runOnce, start: periodic.start, stop: periodic.stop };
}
