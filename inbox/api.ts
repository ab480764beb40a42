import {
  InquiryListQuery,
  type InboxMessage,
  type InquiryDetail,
  type InquiryPage,
  type InquiryUpdate,
  type LinkRequest,
  type LinkSignIn,
  type Me,
  type PasswordSignIn,
  type RepOption,
  type ReplyInput,
} from '../contract/inbox';
import { localError, type ApiResult } from './api-error';
import { createCall, type Reader } from './api-call';
import { readDetail, readMe, readMessage, readPage, readReps } from './responses';

/** Where the inbox API is; `fetch` is replaceable in tests. */
export interface InboxApiOptions {
  base?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Called when any call answers 401 UNAUTHENTICATED: the session is gone. */
  onUnauthenticated?: () => void;
}

/** Every call the inbox makes; each resolves to a result value and never throws. */
export interface InboxApi {
  me(): Promise<ApiResult<Me>>;
  signIn(input: PasswordSignIn): Promise<ApiResult<Me>>;
  requestLink(input: LinkRequest): Promise<ApiResult<true>>;
  signInWithLink(input: LinkSignIn): Promise<ApiResult<Me>>;
  signOut(): Promise<ApiResult<true>>;
  inquiries(query: InquiryListQuery): Promise<ApiResult<InquiryPage>>;
  inquiry(id: string): Promise<ApiResult<InquiryDetail>>;
  markRead(id: string): Promise<ApiResult<true>>;
  /** Sends a reply or note; a retry of the same one carries the same `key`. */
  send(id: string, input: ReplyInput, key: string): Promise<ApiResult<InboxMessage>>;
  update(id: string, input: InquiryUpdate): Promise<ApiResult<InquiryDetail>>;
  reps(): Promise<ApiResult<RepOption[]>>;
}

const done: Reader<true> = () => true;

/** Creates the inbox's client for the API on its own origin, with the session cookie. */
export const createInboxApi = ({
  base = '/api/inbox',
  fetch: send = (input, init) => fetch(input, init),
  timeoutMs = 20_000,
  onUnauthenticated = () => {},
}: InboxApiOptions = {}): InboxApi => {
  const call = createCall({ base, fetch: send, timeoutMs, onUnauthenticated });

  const inquiryPath = (id: string) => `/inquiries/${encodeURIComponent(id)}`;

  return {
    me: () => call('GET', '/me', readMe),
    signIn: (input) => call('POST', '/auth/password', readMe, input),
    requestLink: (input) => call('POST', '/auth/link', done, input),
    signInWithLink: (input) => call('POST', '/auth/link/sign-in', readMe, input),
    signOut: () => call('POST', '/auth/sign-out', done),
    async inquiries(query) {
      const parsed = InquiryListQuery.safeParse(query);
      if (!parsed.success) {
        return { ok: false, error: localError('VALIDATION_FAILED', 'That search is too long.') };
      }
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(parsed.data)) {
        if (value) params.set(key, value);
      }
      const search = params.size > 0 ? `?${params}` : '';
      return call('GET', `/inquiries${search}`, readPage);
    },
    inquiry: (id) => call('GET', inquiryPath(id), readDetail),
    markRead: (id) => call('POST', `${inquiryPath(id)}/read`, done),
    send: (id, input, key) =>
      call('POST', `${inquiryPath(id)}/messages`, readMessage, input, { 'Idempotency-Key': key }),
    update: (id, input) => call('PATCH', inquiryPath(id), readDetail, input),
    reps: () => call('GET', '/reps', readReps),
  };
};
