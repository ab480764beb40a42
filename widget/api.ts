import type { ErrorCode } from '../contract/errors';
import type { InquiryCreated, InquiryInput } from '../contract/inquiry';
import type { WidgetConfig } from '../contract/widget-config';
import { readConfig, readCreated, readError } from './responses';

/** The outcome of sending an inquiry, as a value: the UI shows both cases. */
export type SubmitResult =
  | { ok: true; created: InquiryCreated }
  | { ok: false; code: ErrorCode; fields?: Record<string, string> };

/** The outcome of loading the widget's config. */
export type ConfigResult = { ok: true; config: WidgetConfig } | { ok: false; code: ErrorCode };

/** Where the API is and which site (and rep) the widget speaks for; `fetch` is replaceable in tests. */
export interface ApiOptions {
  origin: string;
  site: string;
  rep?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** The widget's two calls to the public API. */
export interface Api {
  loadConfig(): Promise<ConfigResult>;
  submit(input: InquiryInput): Promise<SubmitResult>;
}

/** Creates the API client for one site; network failures come back as `NETWORK`, never thrown. */
export const createApi = ({
  origin,
  site,
  rep,
  fetch: send = (input, init) => fetch(input, init),
  timeoutMs = 20_000,
}: ApiOptions): Api => {
  const base = `${origin}/api/v1/sites/${encodeURIComponent(site)}`;

  const request = async (path: string, init: RequestInit = {}): Promise<Response | null> => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      return await send(base + path, { ...init, credentials: 'omit', signal: controller.signal });
    } catch {
      // fetch rejects only when no HTTP answer came (offline, DNS, CORS, timeout): NETWORK.
      return null;
    } finally {
      clearTimeout(timer);
    }
  };

  // A body that is not JSON (a proxy's HTML error page) reads as null; the status still counts.
  const json = (res: Response): Promise<unknown> => res.json().catch(() => null);

  return {
    async loadConfig() {
      const res = await request(`/widget-config${rep ? `?rep=${encodeURIComponent(rep)}` : ''}`);
      if (!res) return { ok: false, code: 'NETWORK' };
      const body = await json(res);
      if (!res.ok) return { ok: false, code: readError(body).code };
      const config = readConfig(body, origin);
      return config ? { ok: true, config } : { ok: false, code: 'INTERNAL' };
    },

    async submit(input) {
      const res = await request('/inquiries', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      if (!res) return { ok: false, code: 'NETWORK' };
      const body = await json(res);
      return res.ok ? { ok: true, created: readCreated(body) } : { ok: false, ...readError(body) };
    },
  };
};
