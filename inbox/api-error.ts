import { ERROR_CODES, type ErrorCode } from '../contract/errors';
import { isRecord, stringOrNull } from './read-values';

/** A failed call, as a value: the server's code and message, or `NETWORK` when none came. */
export interface ApiError {
  status: number;
  code: ErrorCode;
  message: string;
  fields?: Record<string, string>;
  /** Seconds from `Retry-After`, on 429. */
  retryAfter?: number;
}

/** The outcome of one API call; views show both cases. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

const FALLBACK: Partial<Record<ErrorCode, string>> = {
  NETWORK: 'Could not reach the server. Check your connection and try again.',
  UNAUTHENTICATED: 'Your session has ended. Please sign in again.',
  FORBIDDEN: 'You are not allowed to do that.',
  NOT_FOUND: 'This inquiry does not exist, or it is not assigned to you.',
};

/** The error of a failed answer; a body of another shape counts as `INTERNAL`. */
export function readError(status: number, body: unknown, retryAfter: string | null): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : {};
  const code = ERROR_CODES.find((known) => known === error.code) ?? 'INTERNAL';
  const message =
    stringOrNull(error.message) ?? FALLBACK[code] ?? `The server answered ${status}. Try again.`;
  const result: ApiError = { status, code, message };
  if (isRecord(error.fields)) {
    const fields: Record<string, string> = {};
    for (const [path, text] of Object.entries(error.fields)) {
      if (typeof text === 'string') fields[path] = text;
    }
    result.fields = fields;
  }
  // Retry-After may also be an HTTP date (RFC 9110, 10.2.3); only delta-seconds are shown.
  const seconds = retryAfter !== null && /^\d+$/.test(retryAfter) ? Number(retryAfter) : NaN;
  if (Number.isFinite(seconds)) result.retryAfter = seconds;
  return result;
}

/** An error made in the browser: no answer came, or the answer could not be read. */
export const localError = (code: ErrorCode, message = FALLBACK[code] ?? ''): ApiError => ({
  status: 0,
  code,
  message: message || 'Something went wrong. Try again.',
});

/** The text to show for an error: its message, and when to try again after a 429. */
export function errorText(error: ApiError): string {
  if (error.retryAfter === undefined) return error.message;
  const minutes = Math.ceil(error.retryAfter / 60);
  const wait =
    error.retryAfter < 90
      ? `${error.retryAfter} second${error.retryAfter === 1 ? '' : 's'}`
      : `${minutes} minutes`;
  return `${error.message} Try again in ${wait}.`;
}
