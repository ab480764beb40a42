import type { InquiryInput } from '../../contract/inquiry';

/** The `client` part of an inquiry: how the form was filled (see server/domain/spam.ts). */
export type Signals = NonNullable<InquiryInput['client']>;

/** Times one inquiry from the moment its form is first on screen. */
export interface SignalClock {
  /** The form is on screen; only the first call of an inquiry counts. */
  shown(): void;
  /** The signals to send with the inquiry, given what the hidden field holds. */
  read(honeypot: string): Signals;
  /** The inquiry went out: the next one starts timing anew. */
  reset(): void;
}

// The contract's limit: an overlong bot entry must not turn into a field error the visitor
// could neither see nor fix.
const HONEYPOT_MAX = 500;

/** Creates the clock of the form's spam signals (`now` is replaceable in tests). */
export function createSignalClock(now: () => number = Date.now): SignalClock {
  let shownAt: number | null = null;
  return {
    shown() {
      shownAt ??= now();
    },
    read(honeypot) {
      return {
        honeypot: honeypot.slice(0, HONEYPOT_MAX) || undefined,
        elapsedMs: shownAt === null ? undefined : Math.max(0, Math.round(now() - shownAt)),
      };
    },
    reset() {
      shownAt = null;
    },
  };
}
