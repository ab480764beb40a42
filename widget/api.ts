import { toJson } from './json';
import type { Conversation, MessageInput, ThreadMessage } from '../contract/conversation';
import type { AttachmentCreated, InquiryCreated, InquiryInput } from '../contract/inquiry';
import type { WidgetConfig, WidgetConfigQuery } from '../contract/widget-config';
import { readConversation, readMessageCreated } from './conversation-responses';
import { solveProofOfWork } from './proof-of-work';
import {
  errorCodeOf,
  type AnswerCode,
  readAttachment,
  readChallenge,
  readConfig,
  readCreated,
  readError,
} from './responses';

/** The outcome of sending an inquiry, as a value: the UI shows both cases. */
export type SubmitResult =
  | { ok: true; created: InquiryCreated }
  | { ok: false; code: AnswerCode; fields?: Record<string, string> };

/**
 * The outcome of loading the widget's config. A failure's code (as the server wrote it, or
 * NETWORK, or INTERNAL for an answer that is no config) is only ever reported.
 */
export type ConfigResult = { ok: true; config: WidgetConfig } | { ok: false; code: string };

export type UploadResult =
  { ok: true; attachment: AttachmentCreated } | { ok: false; code: AnswerCode };

/** The outcome of loading the visitor's conversation. */
export type ConversationResult =
  { ok: true; conversation: Conversation } | { ok: false; code: AnswerCode };

/** The outcome of a follow-up; `message` is null when the 201's body could not be read. */
export type ReplyResult =
  | { ok: true; message: ThreadMessage | null }
  | { ok: false; code: AnswerCode; fields?: Record<string, string> };

/** How requests go out; `fetch` is replaceable in tests. */
export interface RequestOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** Where the API is and which site (and rep) the widget speaks for. */
export interface ApiOptions extends RequestOptions {
  origin: string;
  site: string;
  rep?: string;
}

/** The loader's one call to the public API (the form asks it again when it got no texts). */
export interface Api {
  /** The config for this page (`page`, `lang` let the server pick the rep it would route to). */
  loadConfig(context?: {
    page?: string;
    lang?: string;
    ui?: string;
    texts?: WidgetConfigQuery['texts'];
    /** The visitor's UTC offset in minutes (`Date.getTimezoneOffset()`). */
    tzo?: number;
  }): Promise<ConfigResult>;
}

/** The form's call that sends an inquiry (the loader never needs it). */
export interface InquiryApi {
  /** Sends an inquiry; every attempt at the same submission carries the same `key`. */
  submit(input: InquiryInput, key: string): Promise<SubmitResult>;
}

/** The visitor's calls about their conversation; the token is the capability to make them. */
export interface ConversationApi {
  load(token: string): Promise<ConversationResult>;
  /** Sends a follow-up; a retry of the same one carries the same `key`. */
  reply(token: string, input: MessageInput, key: string): Promise<ReplyResult>;
  /** The address of the conversation's server-sent events. */
  eventsUrl(token: string): string;
}

type Request = (url: string, init?: RequestInit) => Promise<Response | null>;

const createRequest =
  ({
    fetch: send = (input, init) => fetch(input, init),
    timeoutMs = 20_000,
  }: RequestOptions): Request =>
  async (url, init = {}) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      return await send(url, { ...init, credentials: 'omit', signal: controller.signal });
    } catch {
      // fetch rejects only when no HTTP answer came (offline, DNS, CORS, timeout): NETWORK.
      return null;
    } finally {
      clearTimeout(timer);
    }
  };

// A body that is not JSON (a proxy's HTML error page) reads as null; the status still counts.
const json = (res: Response): Promise<unknown> => res.json().catch(() => null);

const siteUrl = (origin: string, site: string) =>
  `${origin}/api/v1/sites/${encodeURIComponent(site)}`;

// The IETF draft's header: the server answers a repeated key with its first answer, so a
// retry after a lost answer stores nothing twice (draft-ietf-httpapi-idempotency-key-header).
const postJson = (body: unknown, key: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', 'Idempotency-Key': key },
  body: toJson(body),
});

/** Creates the loader's API client for one site; network failures come back as `NETWORK`. */
export const createApi = ({ origin, site, rep, ...options }: ApiOptions): Api => {
  const request = createRequest(options);
  return {
    async loadConfig(context = {}) {
      const params = new URLSearchParams();
      // In the caller's order; an empty or absent value is no parameter.
      for (const [name, value] of Object.entries({ rep, ...context })) {
        if (value !== undefined && value !== '') params.set(name, String(value));
      }
      const query = params.toString() ? `?${params}` : '';
      const res = await request(`${siteUrl(origin, site)}/widget-config${query}`);
      if (!res) return { ok: false, code: 'NETWORK' };
      const body = await json(res);
      if (!res.ok) return { ok: false, code: errorCodeOf(body) };
      const config = readConfig(body, origin);
      return config ? { ok: true, config } : { ok: false, code: 'INTERNAL' };
    },
  };
};

/**
 * Creates the form's client for sending inquiries, with the proof of work a flooded site asks
 * for: only the form module carries it, so the script every page view runs stays small.
 */
export const createInquiryApi = ({
  origin,
  site,
  ...options
}: Omit<ApiOptions, 'rep'>): InquiryApi => {
  const base = siteUrl(origin, site);
  const request = createRequest(options);
  return {
    async submit(input, key) {
      const send = async (body: InquiryInput): Promise<SubmitResult> => {
        const res = await request(`${base}/inquiries`, postJson(body, key));
        if (!res) return { ok: false, code: 'NETWORK' };
        const answer = await json(res);
        return res.ok
          ? { ok: true, created: readCreated(answer) }
          : { ok: false, ...readError(answer) };
      };
      const first = await send(input);
      if (first.ok || first.code !== 'PROOF_OF_WORK_REQUIRED') return first;
      // The site is being flooded (or asks always): prove a little work, once, and send again.
      const res = await request(`${base}/challenge`);
      const asked: unknown = res?.ok ? await json(res) : null;
      const challenge = readChallenge(asked);
      const pow = challenge && (await solveProofOfWork(challenge));
      return pow ? send({ ...input, pow }) : first;
    },
  };
};

/**
 * Creates the client of the conversation API. The form module makes its own (the loader never
 * needs it), so these calls stay out of the script every page view runs.
 */
export const createConversationApi = ({
  origin,
  ...options
}: RequestOptions & { origin: string }): ConversationApi => {
  const request = createRequest(options);
  const url = (token: string, path = '') =>
    `${origin}/api/v1/conversations/${encodeURIComponent(token)}${path}`;

  return {
    async load(token) {
      const res = await request(url(token));
      if (!res) return { ok: false, code: 'NETWORK' };
      const body = await json(res);
      if (!res.ok) return { ok: false, code: readError(body).code };
      const conversation = readConversation(body, origin);
      return conversation ? { ok: true, conversation } : { ok: false, code: 'INTERNAL' };
    },

    async reply(token, input, key) {
      const res = await request(url(token, '/messages'), postJson(input, key));
      if (!res) return { ok: false, code: 'NETWORK' };
      const body = await json(res);
      // As with an inquiry, a 201 means it is stored: an unreadable body is no reason to resend.
      return res.ok
        ? { ok: true, message: readMessageCreated(body) }
        : { ok: false, ...readError(body) };
    },

    eventsUrl: (token) => url(token, '/events'),
  };
};

/**
 * Uploads one file of an inquiry (the form's, never the loader's): the bytes as the body, the
 * name in a header. A minute per file: 5 MB on a slow phone line takes a while.
 */
export const createUploadApi = ({ origin, site, ...options }: Omit<ApiOptions, 'rep'>) => {
  const request = createRequest({ timeoutMs: 60_000, ...options });
  const url = `${siteUrl(origin, site)}/attachments`;
  return async (file: File): Promise<UploadResult> => {
    const res = await request(url, {
      method: 'POST',
      headers: {
        'content-type': file.type || 'application/octet-stream',
        'X-Filename': encodeURIComponent(file.name),
      },
      body: file,
    });
    if (!res) return { ok: false, code: 'NETWORK' };
    const body = await json(res);
    if (!res.ok) return { ok: false, code: readError(body).code };
    const attachment = readAttachment(body);
    return attachment ? { ok: true, attachment } : { ok: false, code: 'INTERNAL' };
  };
};
