import { signal, type Signal } from './signal';
import type { Conversation } from '../../contract/conversation';
import type { AnswerCode } from '../responses';

/** Loading the thread: not asked for yet, in flight, shown, or failed with nothing to show. */
export type ThreadStatus = 'idle' | 'loading' | 'ready' | 'failed';

/** Sending a follow-up: being written, in flight, or refused for a non-field reason. */
export type ReplyPhase = 'editing' | 'sending' | 'failed';

/** The visitor's conversation as the thread view renders it. */
export interface ThreadState {
  /** The kept conversation token; null until the visitor has sent something. */
  token: Signal<string | null>;
  conversation: Signal<Conversation | null>;
  status: Signal<ThreadStatus>;
  /** Why loading failed (status `failed`). */
  failure: Signal<AnswerCode | null>;
  draft: Signal<string>;
  /** The follow-up's field error, if any. */
  draftError: Signal<string>;
  replyPhase: Signal<ReplyPhase>;
  replyFailure: Signal<AnswerCode | null>;
  /** Counts finished send attempts, so the reply form knows when to move focus. */
  replyAttempts: Signal<number>;
  /** What the polite live region says ("New reply from Mr. Moore Liu"). */
  announcement: Signal<string>;
}

/** Creates the thread's state, with the token kept from an earlier page view if any. */
export const createThreadState = (token: string | null): ThreadState => ({
  token: signal(token),
  conversation: signal(null),
  status: signal('idle'),
  failure: signal(null),
  draft: signal(''),
  draftError: signal(''),
  replyPhase: signal('editing'),
  replyFailure: signal(null),
  replyAttempts: signal(0),
  announcement: signal(''),
});
