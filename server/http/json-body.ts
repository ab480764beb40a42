import { zValidator } from '@hono/zod-validator';
import type { MiddlewareHandler } from 'hono';
import type { $ZodIssue, $ZodType } from 'zod/v4/core';
import { DomainError } from '../domain/errors';

/** Refuses a body that is not JSON (415) or does not parse (400), before validation. */
export const requireJson: MiddlewareHandler = async function requireJson(c, next) {
  const type = (c.req.header('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
  }
  try {
    // Hono caches the parsed body, so the validator after this does not parse it again.
    await c.req.json();
  } catch (err) {
    if (err instanceof SyntaxError) {
      throw new DomainError('MALFORMED_JSON', 'The request body is not valid JSON.');
    }
    throw err;
  }
  await next();
};

/** Validates the JSON body (or the query string) with a contract schema; VALIDATION_FAILED if not. */
export const validated = <T extends $ZodType, Target extends 'json' | 'query'>(
  target: Target,
  schema: T,
) =>
  zValidator(target, schema, (result) => {
    if (!result.success) {
      throw new DomainError(
        'VALIDATION_FAILED',
        'Some fields are missing or invalid.',
        fieldMessages(result.error.issues, result.data),
      );
    }
  });

/** Validates the JSON body with a contract schema. */
export const jsonBody = <T extends $ZodType>(schema: T) => validated('json', schema);

/**
 * One English message per field path ("product.url"), from zod's issues about `input` (what was
 * sent: zod/mini's issues do not carry the value, and a value of the wrong type is not missing).
 */
export function fieldMessages(
  issues: readonly $ZodIssue[],
  input: unknown,
): Record<string, string> {
  // No prototype: a field named "__proto__" is a field like any other.
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[path ? `${path}.${key}` : key] = 'Unknown field.';
      continue;
    }
    fields[path || 'body'] ??= issueMessage(issue, valueAt(input, issue.path));
  }
  return fields;
}

/** The value at `path` in `input`, by own properties only; undefined where there is none. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** A check's own message from the contract ("Must be a colour such as #1d4ed8."), not zod's. */
const ownMessage = (issue: $ZodIssue) =>
  issue.message.startsWith('Invalid') ? null : issue.message;

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** A bound in words: characters of a string, items of a list, else the number itself. */
function boundMessage(
  origin: string,
  n: number,
  inclusive: boolean | undefined,
  within: string,
  beyond: string,
): string {
  if (origin === 'string') return `Must be ${within} ${count(n, 'character')}.`;
  if (origin === 'array' || origin === 'set') return `Must have ${within} ${count(n, 'item')}.`;
  return inclusive === false ? `Must be ${beyond} ${n}.` : `Must be ${within} ${n}.`;
}

const withArticle = (noun: string) => `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;

function issueMessage(issue: $ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined
        ? 'This field is required.'
        : `Must be ${withArticle(issue.expected)}.`;
    case 'too_small':
      return boundMessage(
        issue.origin,
        Number(issue.minimum),
        issue.inclusive,
        'at least',
        'greater than',
      );
    case 'too_big':
      return boundMessage(
        issue.origin,
        Number(issue.maximum),
        issue.inclusive,
        'at most',
        'less than',
      );
    case 'invalid_format':
      if (issue.format === 'email') return 'Must be a valid email address.';
      if (issue.format === 'url') return 'Must be an http or https URL.';
      if (issue.format === 'regex') return ownMessage(issue) ?? 'Has the wrong format.';
      return `Must be a valid ${issue.format}.`;
    case 'invalid_value':
      return `Must be one of: ${issue.values.map(String).join(', ')}.`;
    case 'custom':
      return ownMessage(issue) ?? 'Invalid value.';
    default:
      return 'Invalid value.';
  }
}
