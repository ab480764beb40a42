import { toJson } from '../json';
import type { InquiryInput } from '../../contract/inquiry';
import { isRecord, readError } from '../responses';
import { checkInquiry } from './check-inquiry';
import { outboxKey } from '../unsent-inquiry';
import type { StorageLike } from './token-store';

/** One submission of an inquiry: what every attempt to send it carries. */
export interface Submission {
  /** The Idempotency-Key, the same for every attempt. */
  key: string;
  body: InquiryInput;
  /** When it was first tried (epoch ms). */
  since: number;
  /**
   * The server's refusal of it, answered while the visitor was not looking (a resend on a later
   * page): kept, not sent again, until the visitor opens the form and sees why.
   */
  refused?: Refusal;
}

/** A refusal as the form shows it: its code, and the server's word on each field. */
export type Refusal = ReturnType<typeof readError>;

// What an earlier page view (perhaps of an older release) stored is read as unknown and checked:
// a body the form itself would refuse is not sent.
const asSubmission = (value: unknown): Submission | null => {
  if (!isRecord(value) || typeof value.key !== 'string' || value.key === '') return null;
  const { body, since } = value;
  if (typeof since !== 'number' || !isRecord(body)) return null;
  if (typeof body.email !== 'string' || typeof body.message !== 'string') return null;
  const input = body as unknown as InquiryInput;
  if (checkInquiry(input).length > 0) return null;
  const kept = { key: value.key, body: input, since };
  // Kept as the server's error answer said it, and read back the same way.
  const { refused } = value;
  return isRecord(refused) && typeof refused.code === 'string'
    ? { ...kept, refused: readError({ error: refused }) }
    : kept;
};

/**
 * Keeps the inquiries that could not be sent, across page views: a list, as each tab of the site
 * may keep one of its own (the visitor sent from two tabs while offline, then closed one).
 */
export interface OutboxStore {
  /** The kept submissions that can be read, oldest first; none when storage is unavailable. */
  read(): Submission[];
  /**
   * Keeps `submission` beside the others, in place of one of the same key. False when storage
   * is unavailable or full: then it is not kept.
   */
  write(submission: Submission): boolean;
  /** Forgets the submission of `key` only, or, without a key, everything kept (unreadable). */
  clear(key?: string): void;
}

/** Which site, and where to keep its outbox (the page's localStorage unless a test says). */
export interface OutboxStoreOptions {
  site: string;
  /** May throw: reading `localStorage` itself fails where the visitor blocks site data. */
  storage?: () => StorageLike;
}

// An earlier release kept one submission, not a list: read as a list of it.
const parse = (text: string | null): Submission[] => {
  try {
    const value: unknown = JSON.parse(text ?? '[]');
    return (Array.isArray(value) ? value : [value])
      .map(asSubmission)
      .filter((kept) => kept !== null);
  } catch {
    // Not JSON (another script's value under our key): nothing of ours to send.
    return [];
  }
};

/** Creates the outbox store of one site. */
export const createOutboxStore = ({
  site,
  storage = () => window.localStorage,
}: OutboxStoreOptions): OutboxStore => {
  const key = outboxKey(site);
  const attempt = <T>(use: (store: StorageLike) => T): T | undefined => {
    try {
      return use(storage());
    } catch {
      // Blocked or full: the caller tells the visitor, or there was nothing kept to read.
      return undefined;
    }
  };
  // Read and written back in one go: another tab may have kept its own since this one read.
  // Without `only`, everything kept goes; with it, the submission of that key (then `add`).
  const change = (only?: string, add?: Submission) =>
    attempt((store) => {
      const kept = parse(store.getItem(key)).filter(
        (other) => only !== undefined && other.key !== only,
      );
      if (add) kept.push(add);
      if (kept.length > 0) store.setItem(key, toJson(kept));
      else store.removeItem(key);
      return true;
    }) ?? false;

  return {
    read: () => attempt((store) => parse(store.getItem(key))) ?? [],
    write: (submission) => change(submission.key, submission),
    clear(only) {
      change(only);
    },
  };
};
