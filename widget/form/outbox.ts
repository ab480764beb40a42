import type { AnswerCode } from '../responses';
import type { SubmitResult } from '../api';
import { report } from '../guard';
import { retryDelay } from './backoff';
import type { OutboxStore, Refusal, Submission } from './outbox-store';

// Answers after which a kept inquiry is tried again: none at all, the server's own trouble, or
// a proof of work this attempt could not give (its challenge did not come). Any other refusal
// (a 4xx) will not change by retrying, so the visitor has to see it.
const TRANSIENT: ReadonlySet<AnswerCode> = new Set([
  'NETWORK',
  'INTERNAL',
  'TOO_MANY_ATTEMPTS',
  'PROOF_OF_WORK_REQUIRED',
]);

/** The inquiry that got no answer, kept and sent again until the server answers it. */
export interface Outbox {
  /** The kept submission, or null. */
  pending(): Submission | null;
  /** Keeps a submission that got no answer and retries it with backoff; false if not stored. */
  keep(submission: Submission): boolean;
  /** Takes up what an earlier page view kept, trying it at once; null when nothing was kept. */
  restore(): Submission | null;
  /** Tries the kept submission now; resolves true while it is still kept afterwards. */
  retryNow(): Promise<boolean>;
  /** Forgets the kept submission (the visitor sends an edited one instead). */
  drop(): void;
  /**
   * Keeps a submission the server refused while the visitor was not looking, without sending it
   * again (`restore` gives it back with its refusal), until `forget`.
   */
  hold(submission: Submission, refused: Refusal): void;
  /** Forgets the held submission of `key` (the visitor has seen it). */
  forget(key: string): void;
}

/** Where the outbox keeps its submission, how it sends, and whom it tells of a final answer. */
export interface OutboxOptions {
  store: OutboxStore;
  send: (submission: Submission) => Promise<SubmitResult>;
  /** The server answered a kept submission for good: created, or refused. */
  onSettled: (result: SubmitResult, submission: Submission) => void;
  /** Where `online` fires: the window unless a test says. */
  events?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  random?: () => number;
  now?: () => number;
}

/** How long an inquiry refused unseen is kept for the visitor to see (from its first try). */
const HELD_MS = 7 * 24 * 3600 * 1000;

/**
 * Creates the outbox: retries after 5 s, 10 s, 20 s... (at most 5 min apart), and at once when
 * the browser says it is online again. Every attempt carries the submission's Idempotency-Key,
 * so one that did arrive (only its answer was lost) is answered, not stored, again.
 */
export function createOutbox({
  store,
  send,
  onSettled,
  events = window,
  random = Math.random,
  now = Date.now,
}: OutboxOptions): Outbox {
  let pending: Submission | null = null;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let flight: { submission: Submission; done: Promise<boolean> } | null = null;

  const onOnline = () => {
    retryNow().catch(report);
  };

  const take = (submission: Submission) => {
    pending = submission;
    failures = 0;
    events.addEventListener('online', onOnline);
  };

  const stop = () => {
    clearTimeout(timer);
    events.removeEventListener('online', onOnline);
    // Only its own: with none kept here, what is stored is another tab's.
    if (pending) store.clear(pending.key);
    pending = null;
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(onOnline, retryDelay(failures++, random));
  };

  const attempt = async (submission: Submission): Promise<boolean> => {
    const result = await send(submission);
    // Dropped or replaced while in flight: that one's answer is no longer ours to act on.
    if (pending !== submission) return pending !== null;
    if (!result.ok && TRANSIENT.has(result.code)) {
      schedule();
      return true;
    }
    stop();
    onSettled(result, submission);
    return false;
  };

  const retryNow = (): Promise<boolean> => {
    const submission = pending;
    if (!submission) return Promise.resolve(false);
    // One request at a time: a click on Try again during a timed retry waits for that one.
    if (flight?.submission === submission) return flight.done;
    clearTimeout(timer);
    const done = attempt(submission).finally(() => {
      if (flight?.done === done) flight = null;
    });
    flight = { submission, done };
    return done;
  };

  return {
    pending: () => pending,
    keep(submission) {
      if (!store.write(submission)) return false;
      take(submission);
      schedule();
      return true;
    },
    restore() {
      const kept = store.read();
      if (!kept) {
        // Unreadable (an older release's shape, another script's value): it would make the
        // loader load the form on every page view for nothing.
        store.clear();
        return null;
      }
      if (kept.refused) {
        // Shown on any page until the visitor opens the form; after a week they moved on, and
        // the form module is no longer loaded on every page view for it.
        if (now() - kept.since > HELD_MS) {
          store.clear(kept.key);
          return null;
        }
        return kept;
      }
      take(kept);
      retryNow().catch(report);
      return kept;
    },
    retryNow,
    drop: stop,
    hold(submission, refused) {
      // Not over an inquiry another tab kept since.
      const kept = store.read();
      if (!kept || kept.key === submission.key) store.write({ ...submission, refused });
    },
    forget: store.clear,
  };
}
