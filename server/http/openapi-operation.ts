import type { $ZodType } from 'zod/v4/core';
import type { ErrorCode } from '../../contract';
import type { SchemaName } from './openapi-schemas';

/** One route as the OpenAPI document describes it (openapi-routes.ts lists them all). */
export interface ApiOperation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI form: `{param}`. */
  path: string;
  summary: string;
  tag: 'widget' | 'conversation' | 'inbox' | 'admin' | 'meta';
  /** `session`: the inbox's cookie; `admin`: the cookie of a site admin. */
  auth: 'none' | 'session' | 'admin';
  /** A strict object schema: each property becomes a query parameter. */
  query?: $ZodType;
  body?: SchemaName;
  /** The body is a file's bytes (not JSON), of these media types. */
  fileBody?: string[];
  /** Request headers the route reads. */
  headers?: Array<{ name: string; description: string }>;
  ok: {
    status: 200 | 201 | 202 | 204;
    description: string;
    /** JSON unless `events`: then the schema of each server-sent event's `data`. */
    schema?: SchemaName;
    events?: true;
    /** The answer is a file, as a download, of this media type. */
    file?: string;
  };
  /** What it can answer with besides `ok`; every operation may also answer INTERNAL. */
  errors: ErrorCode[];
}

export const JSON_BODY: ErrorCode[] = [
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
];
export const SITE: ErrorCode[] = ['SITE_NOT_FOUND', 'ORIGIN_NOT_ALLOWED'];
export const THREAD: ErrorCode[] = ['CONVERSATION_NOT_FOUND', 'ORIGIN_NOT_ALLOWED'];
// FORBIDDEN: a state change from another origin; for admin routes also a rep who is no admin.
export const SESSION: ErrorCode[] = ['UNAUTHENTICATED', 'FORBIDDEN'];
