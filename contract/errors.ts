/** Every error code the API answers with; the widget maps each one to a text of its own. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'SITE_NOT_FOUND',
  'ORIGIN_NOT_ALLOWED',
  'NOT_FOUND',
  'CONVERSATION_NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'INVALID_CREDENTIALS',
  'TOO_MANY_ATTEMPTS',
  'IDEMPOTENCY_KEY_REUSED',
  'PROOF_OF_WORK_REQUIRED',
  'INTERNAL',
  // Widget-side only: the request never got an HTTP answer.
  'NETWORK',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The one error body every 4xx/5xx answer carries. `fields` maps a field path to a message. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    fields?: Record<string, string>;
  };
}
