import { signal, type Signal } from '@preact/signals';
import type { InquiryDetail, InquirySummary, Me, RepOption, Status } from '../contract/inbox';
import type { ApiError } from './api-error';

/** Who is signed in: not yet known, nobody, someone; `failed` when /me could not be asked. */
export type Session =
  | { state: 'checking' }
  | { state: 'signed-out' }
  | { state: 'signed-in'; me: Me }
  | { state: 'failed'; error: ApiError };

/** The list as last loaded, with its filters. */
export interface ListState {
  status: Signal<Status | null>;
  /** The search as submitted (not as being typed). */
  q: Signal<string>;
  items: Signal<InquirySummary[]>;
  nextCursor: Signal<string | null>;
  unreadCount: Signal<number>;
  /** `first` while the first page of new filters loads; `more` while "Load more" runs. */
  loading: Signal<'first' | 'more' | null>;
  loaded: Signal<boolean>;
  error: Signal<ApiError | null>;
}

/** The inquiry on screen. */
export interface DetailState {
  inquiry: Signal<InquiryDetail | null>;
  loading: Signal<boolean>;
  error: Signal<ApiError | null>;
}

/** Everything the views render from; one instance per page. */
export interface InboxState {
  session: Signal<Session>;
  list: ListState;
  detail: DetailState;
  /** The site's reps, for admins' reassignment. */
  reps: Signal<RepOption[]>;
  /** The clock the ages ("5 min ago") are counted from; ticks every 30 s. */
  now: Signal<number>;
  /** Where to go after signing in, when the session ended on another screen. */
  next: Signal<string | null>;
}

/** Creates the inbox's state. */
export const createState = (): InboxState => ({
  session: signal({ state: 'checking' }),
  list: {
    status: signal(null),
    q: signal(''),
    items: signal([]),
    nextCursor: signal(null),
    unreadCount: signal(0),
    loading: signal(null),
    loaded: signal(false),
    error: signal(null),
  },
  detail: { inquiry: signal(null), loading: signal(false), error: signal(null) },
  reps: signal([]),
  now: signal(Date.now()),
  next: signal(null),
});
