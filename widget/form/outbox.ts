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

/**
 * The inquiries that got no answer, kept and sent again until the server answers them. This
 * tab's own (or the one it took up) is retried with backoff and shown in the form; others kept
 * beside it (another tab's) are sent once on each page view that takes the kept ones up.
 */
export interface Outbox {
  /** This tab's kept submission, or null. */
  pending(): Submission | null;
  /** Keeps a submission that got no answer and retries it with backoff; false if not stored. */
  keep(submission: Submission): boolean;
  /**
   * Takes up what earlier page views kept: the first unanswered submission is this tab's to
   * retry and show, the other unanswered ones are sent once, unseen; with none unanswered, a
   * held refusal is given back to show. Null when nothing was kept.
   */
  restore(): Submission | null;
  /** Tries the kept submission now; resolves true while it is still kept afterwards. */
  retryNow(): Promise<boolean>;
  /** Forgets the kept submission (the visitor sends an edited one instead). */
  drop(): void;
  /**
   * Keeps a submission the server refused while the visitor was not looking, beside any other
   * kept, without sending it again (`restore` gives it back with its refusal), until `forget`.
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

  const hold = (submission: Submission, { code, fields }: Refusal) => {
    store.write({ ...submission, refused: { code, fields } });
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
      // Nothing readable (an older release's shape, another script's value): it would make the
      // loader load the form on every page view for nothing.
      if (kept.length === 0) store.clear();
      // A refusal is shown on any page until the visitor opens the form; after a week they
      // moved on, and the form module is no longer loaded on every page view for it.
      const live = kept.filter((submission) => {
        const expired = submission.refused && now() - submission.since > HELD_MS;
        if (expired) store.clear(submission.key);
        return !expired;
      });
      const [first, ...others] = live.filter((submission) => !submission.refused);
      if (!first) return live[0] ?? null;
      take(first);
      retryNow().catch(report);
      // Kept by other tabs: answered, each is forgotten, or held if refused; else kept for the
      // next page view. Their Idempotency-Keys make a tab still retrying its own harmless.
      for (const other of others) {
        send(other)
          .then((result) => {
            if (result.ok) store.clear(other.key);
            else if (!TRANSIENT.has(result.code)) hold(other, result);
          })
          .catch(report);
      }
      return first;
    },
    retryNow,
    drop: stop,
    hold,
    forget: store.clear,
  };
}
