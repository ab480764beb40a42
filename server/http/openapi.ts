import { toJSONSchema } from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import type { ErrorCode } from '../../contract';
import { SESSION_COOKIE } from '../auth/sessions';
import { STATUS } from './errors';
import { API_OPERATIONS, type ApiOperation } from './openapi-routes';
import { SCHEMAS, type SchemaName } from './openapi-schemas';

type Json = Record<string, unknown>;

export interface OpenApiOptions {
  /** The server's public address (PUBLIC_URL). */
  publicUrl: string;
  operations?: ApiOperation[];
  schemas?: Record<SchemaName, $ZodType>;
}

const ref = (name: SchemaName) => ({ $ref: `#/components/schemas/${name}` });
const errorContent = { 'application/json': { schema: ref('ErrorBody') } };

/**
 * The OpenAPI 3.1 document of the public and inbox APIs, from the contract's schemas (JSON
 * Schema 2020-12, OpenAPI 3.1's own dialect). Built once, at start-up; a schema zod cannot
 * express in JSON Schema throws here, not in a client.
 */
export function buildOpenApi({
  publicUrl,
  operations = API_OPERATIONS,
  schemas = SCHEMAS,
}: OpenApiOptions): Json {
  // Request bodies are described as sent (before trims and defaults), answers as received.
  const bodies = new Set(operations.flatMap((o) => (o.body ? [o.body] : [])));
  const components = Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => [
      name,
      jsonSchema(schema, bodies.has(name as SchemaName) ? 'input' : 'output'),
    ]),
  );
  const paths: Record<string, Json> = {};
  for (const op of operations) {
    paths[op.path] = { ...paths[op.path], [op.method]: operation(op) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Liaison API',
      version: '1.0.0',
      description:
        "The widget API (`/api/v1`, public; browsers only from a site's allowed origins), the " +
        "visitor's conversation (the token in the path is a capability) and the reps' inbox " +
        "(`/api/inbox`, session cookie; state changes only with the server's own `Origin`). " +
        'Every error answers `{ "error": { "code", "message", "fields"? } }`.',
    },
    servers: [{ url: publicUrl }],
    tags: [
      { name: 'widget', description: 'What the embedded widget (or a site owner) calls.' },
      { name: 'conversation', description: "The visitor's thread, by its token." },
      { name: 'inbox', description: "The reps' inbox." },
      { name: 'admin', description: "The inbox's admin section: site admins only." },
      { name: 'meta', description: 'About the API itself.' },
    ],
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description:
            'Set by the sign-in routes (HttpOnly). Calls that change state must also send the ' +
            "server's own origin in `Origin`, or they are refused with FORBIDDEN.",
        },
      },
    },
  };
}

function jsonSchema(schema: $ZodType, io: 'input' | 'output'): Json {
  const { $schema: _dialect, ...rest } = toJSONSchema(schema, { io, target: 'draft-2020-12' });
  return rest;
}

function operation(op: ApiOperation): Json {
  const parameters = [
    ...[...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
      name,
      in: 'path',
      required: true,
      schema: { type: 'string' },
      ...(name === 'token' && { description: "The visitor's conversation token (a capability)." }),
    })),
    ...queryParameters(op.query),
    ...(op.headers ?? []).map((h) => ({
      name: h.name,
      in: 'header',
      required: false,
      description: h.description,
      schema: { type: 'string', maxLength: 200 },
    })),
  ];
  return {
    operationId: `${op.method}${op.path.replace(/[{}]/g, '').replace(/(?:^|[/-])(\w)/g, (_, c: string) => c.toUpperCase())}`,
    summary: op.summary,
    tags: [op.tag],
    security: op.auth === 'none' ? [] : [{ session: [] }],
    ...(op.auth === 'admin' && { description: 'Signed-in admins of the site only.' }),
    ...(parameters.length > 0 && { parameters }),
    ...(op.body && {
      requestBody: { required: true, content: { 'application/json': { schema: ref(op.body) } } },
    }),
    ...(op.fileBody && {
      requestBody: {
        required: true,
        content: Object.fromEntries(
          op.fileBody.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
        ),
      },
    }),
    responses: { ...okResponse(op), ...errorResponses(op.errors) },
  };
}

function queryParameters(query: $ZodType | undefined): Json[] {
  if (!query) return [];
  const schema = jsonSchema(query, 'input');
  const properties = (schema.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: required.has(name),
    schema: property,
  }));
}

function okResponse({ ok, path }: ApiOperation): Json {
  const responses: Json = {};
  if (ok.status === 204 || (ok.status === 202 && !ok.schema)) {
    responses[ok.status] = { description: ok.description };
  } else if (ok.file) {
    responses[ok.status] = {
      description: ok.description,
      content: { [ok.file]: { schema: { type: 'string', format: 'binary' } } },
    };
  } else if (ok.events) {
    responses[ok.status] = {
      description: `${ok.description} Each event's \`data\` is JSON${ok.schema ? ` (x-event-data)` : ''}.`,
      content: {
        'text/event-stream': {
          schema: { type: 'string' },
          ...(ok.schema && { 'x-event-data': ref(ok.schema) }),
        },
      },
    };
  } else {
    const schema = ok.schema ? ref(ok.schema) : { type: 'object' };
    responses[ok.status] = {
      description: ok.description,
      content: { 'application/json': { schema } },
    };
  }
  if (path.endsWith('/widget-config')) responses[304] = { description: 'Not modified (ETag).' };
  return responses;
}

/** Error answers grouped by status; each names its codes. INTERNAL is the default. */
function errorResponses(codes: ErrorCode[]): Json {
  const byStatus = new Map<number, Set<ErrorCode>>();
  for (const code of codes) {
    const set = byStatus.get(STATUS[code]) ?? new Set();
    byStatus.set(STATUS[code], set.add(code));
  }
  const responses: Json = {};
  for (const [status, set] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[status] = {
      description: [...set].join(', '),
      content: errorContent,
      ...(status === 429 && {
        headers: {
          'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } },
        },
      }),
    };
  }
  responses.default = { description: 'INTERNAL (or any other error)', content: errorContent };
  return responses;
}
