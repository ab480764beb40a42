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
import { localError, readError, type ApiResult } from './api-error';
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
  send(id: string, input: ReplyInput): Promise<ApiResult<InboxMessage>>;
  update(id: string, input: InquiryUpdate): Promise<ApiResult<InquiryDetail>>;
  reps(): Promise<ApiResult<RepOption[]>>;
}

type Reader<T> = (body: unknown) => T | null;
const done: Reader<true> = () => true;

/** Creates the inbox's client for the API on its own origin, with the session cookie. */
export const createInboxApi = ({
  base = '/api/inbox',
  fetch: send = (input, init) => fetch(input, init),
  timeoutMs = 20_000,
  onUnauthenticated = () => {},
}: InboxApiOptions = {}): InboxApi => {
  async function call<T>(
    method: string,
    path: string,
    read: Reader<T>,
    body?: unknown,
  ): Promise<ApiResult<T>> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let res: Response;
    try {
      res = await send(base + path, {
        method,
        credentials: 'same-origin',
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
      });
    } catch (err) {
      // fetch rejects only when no HTTP answer came (offline, timeout): NETWORK.
      console.warn('[inbox]', method, path, err);
      return { ok: false, error: localError('NETWORK') };
    } finally {
      clearTimeout(timer);
    }
    // 202/204 have no body; a body that is not JSON (a proxy's error page) reads as null.
    const json: unknown = res.status === 204 ? null : await res.json().catch(() => null);
    if (!res.ok) {
      const error = readError(res.status, json, res.headers.get('retry-after'));
      if (error.code === 'UNAUTHENTICATED') onUnauthenticated();
      return { ok: false, error };
    }
    const value = read(json);
    return value === null
      ? {
          ok: false,
          error: localError('INTERNAL', 'The server sent an answer the inbox cannot read.'),
        }
      : { ok: true, value };
  }

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
    send: (id, input) => call('POST', `${inquiryPath(id)}/messages`, readMessage, input),
    update: (id, input) => call('PATCH', inquiryPath(id), readDetail, input),
    reps: () => call('GET', '/reps', readReps),
  };
};
