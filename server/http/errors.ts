import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { RequestIdVariables } from '../ops/request-id';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody, ErrorCode } from '../../contract';
import { DomainError } from '../domain/errors';
import type { Logger } from '../ops/log';
import { routeLabel } from '../ops/route-label';

/** The HTTP status of each error code (the OpenAPI document lists them too). */
export const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  SITE_NOT_FOUND: 404,
  ORIGIN_NOT_ALLOWED: 403,
  NOT_FOUND: 404,
  CONVERSATION_NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  INVALID_CREDENTIALS: 401,
  TOO_MANY_ATTEMPTS: 429,
  IDEMPOTENCY_KEY_REUSED: 422,
  PROOF_OF_WORK_REQUIRED: 403,
  INTERNAL: 500,
  NETWORK: 502,
};

/** Answers with the one error shape, `{ error: { code, message, fields? } }`. */
export function errorJson(
  c: Context,
  code: ErrorCode,
  message: string,
  fields?: Record<string, string>,
): Response {
  const body: ErrorBody = { error: { code, message, ...(fields && { fields }) } };
  return c.json(body, STATUS[code]);
}

/** app.onError: maps domain errors once; anything unexpected is logged and hidden. */
export const errorHandler = ({ logger }: { logger: Logger }) =>
  function onError(err: Error, c: Context<{ Variables: RequestIdVariables }>): Response {
    if (err instanceof DomainError) {
      if (err.retryAfter !== undefined) c.header('Retry-After', String(err.retryAfter));
      return errorJson(c, err.code, err.message, err.fields);
    }
    if (err instanceof HTTPException && err.status === 400) {
      // Hono's own body parsing is the only source of a bare 400 here.
      return errorJson(c, 'MALFORMED_JSON', 'The request body is not valid JSON.');
    }
    if (err instanceof HTTPException && err.status === 413) {
      return errorJson(c, 'PAYLOAD_TOO_LARGE', 'The request body is too large.');
    }
    logger.error('unexpected error', {
      id: c.get('requestId'),
      method: c.req.method,
      route: routeLabel(c),
      err,
    });
    return errorJson(c, 'INTERNAL', 'Something went wrong on our side. Please try again.');
  };
