import { localError, readError, type ApiResult } from './api-error';

/** Reads a success body; null when it is not what the caller expects. */
export type Reader<T> = (body: unknown) => T | null;

/** Where an API is and how to reach it; `fetch` is replaceable in tests. */
export interface CallOptions {
  base: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Called when any call answers 401 UNAUTHENTICATED: the session is gone. */
  onUnauthenticated?: () => void;
}

/** One same-origin JSON call, as a result value; it never throws. */
export type Call = <T>(
  method: string,
  path: string,
  read: Reader<T>,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<ApiResult<T>>;

/**
 * The inbox's one way to call its API (the inbox and admin clients both use it): the session
 * cookie, a timeout, NETWORK when no answer came, the error shape read as a value.
 */
export function createCall({
  base,
  fetch: send = (input, init) => fetch(input, init),
  timeoutMs = 20_000,
  onUnauthenticated = () => {},
}: CallOptions): Call {
  return async function call<T>(
    method: string,
    path: string,
    read: Reader<T>,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResult<T>> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let res: Response;
    try {
      res = await send(base + path, {
        method,
        credentials: 'same-origin',
        headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
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
  };
}
