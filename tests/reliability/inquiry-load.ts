import { setTimeout as sleep } from 'node:timers/promises';
import { inquiryBody } from '../support/test-app';
import { postInquiry } from './post-inquiry';

export interface LoadOptions {
  /** The server's URL; it stays the same across restarts (same port). */
  url: string;
  senders: number;
  /** No new inquiry is started after this many, or after `maxMs`. */
  maxInquiries: number;
  maxMs: number;
  /** How long an inquiry already started may keep retrying after `maxMs`. */
  graceMs?: number;
  /** The visitor's address for inquiry number `n`: unique per inquiry. */
  emailFor: (n: number) => string;
  /** The Idempotency-Key for inquiry number `n`, sent with every POST of it; none if absent. */
  idempotencyKeyFor?: (n: number) => string;
  /** Called after every 201, with the number of 201s so far. */
  onCreated?: (count: number) => void;
  /** Ends every loop early, e.g. when the test already failed elsewhere. */
  signal?: AbortSignal;
}

export interface CreatedInquiry {
  id: string;
  /** The visitor's conversation token, which the acknowledgement mail links to. */
  token: string;
  email: string;
}

export interface LoadReport {
  /** Inquiries started (distinct bodies). */
  started: number;
  /** POSTs sent, resends included. */
  requests: number;
  created: CreatedInquiry[];
  /** POSTs whose connection died without an answer. */
  unknown: number;
  /**
   * Visitors with at least one unknown POST: without an Idempotency-Key, its resend may store
   * a second inquiry.
   */
  unknownEmails: Set<string>;
  /** How the unknown POSTs died, with counts. */
  unknownErrors: Map<string, number>;
  /** Connection attempts refused while the server was down. */
  refused: number;
  /** Answers other than 201. */
  rejected: Array<{ email: string; status: number; body: string }>;
  /** Inquiries that never got a 201 before the grace period ran out. */
  gaveUp: string[];
  ms: number;
}

/**
 * Sends inquiries from `senders` concurrent loops, each with a unique visitor address. A
 * refused connection is retried; a POST that died without an answer is counted as unknown and
 * resent with the same body and Idempotency-Key; a 201 is never resent.
 */
export async function runInquiryLoad({
  url,
  senders,
  maxInquiries,
  maxMs,
  graceMs = 60_000,
  emailFor,
  idempotencyKeyFor,
  onCreated,
  signal,
}: LoadOptions): Promise<LoadReport> {
  const began = Date.now();
  const report: LoadReport = {
    started: 0,
    requests: 0,
    created: [],
    unknown: 0,
    unknownEmails: new Set(),
    unknownErrors: new Map(),
    refused: 0,
    rejected: [],
    gaveUp: [],
    ms: 0,
  };

  async function sendOne(n: number): Promise<void> {
    const email = emailFor(n);
    const body = inquiryBody({ name: `Load Visitor ${n}`, email });
    // The same key on every resend: the server answers a repeat with the first inquiry.
    const idempotencyKey = idempotencyKeyFor?.(n);
    while (Date.now() - began < maxMs + graceMs && !signal?.aborted) {
      report.requests++;
      const outcome = await postInquiry(url, body, { idempotencyKey });
      if (outcome.kind === 'created') {
        const { id, token } = outcome.created;
        report.created.push({ id, token, email });
        onCreated?.(report.created.length);
        return;
      }
      if (outcome.kind === 'answered') {
        report.rejected.push({ email, status: outcome.status, body: outcome.body });
        return;
      }
      if (outcome.kind === 'unknown') {
        report.unknown++;
        report.unknownEmails.add(email);
        report.unknownErrors.set(outcome.error, (report.unknownErrors.get(outcome.error) ?? 0) + 1);
      } else {
        report.refused++;
      }
      // The server is down or restarting: wait a little instead of spinning.
      await sleep(50);
    }
    report.gaveUp.push(email);
  }

  async function sender(): Promise<void> {
    while (report.started < maxInquiries && Date.now() - began < maxMs && !signal?.aborted) {
      report.started++;
      await sendOne(report.started);
    }
  }

  await Promise.all(Array.from({ length: senders }, sender));
  report.ms = Date.now() - began;
  return report;
}
