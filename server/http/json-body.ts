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
        fieldMessages(result.error.issues),
      );
    }
  });

/** Validates the JSON body with a contract schema. */
export const jsonBody = <T extends $ZodType>(schema: T) => validated('json', schema);

/** One English message per field path ("product.url"), from zod's issues. */
export function fieldMessages(issues: readonly $ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[path ? `${path}.${key}` : key] = 'Unknown field.';
      continue;
    }
    fields[path || 'body'] ??= issueMessage(issue);
  }
  return fields;
}

function issueMessage(issue: $ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'This field is required.' : `Must be a ${issue.expected}.`;
    case 'too_small':
      return issue.origin === 'string'
        ? `Must be at least ${issue.minimum} characters.`
        : `Must be greater than ${issue.minimum}.`;
    case 'too_big':
      return issue.origin === 'string'
        ? `Must be at most ${issue.maximum} characters.`
        : `Must be at most ${issue.maximum}.`;
    case 'invalid_format':
      if (issue.format === 'email') return 'Must be a valid email address.';
      if (issue.format === 'url') return 'Must be an http or https URL.';
      // A contract pattern's own message ("Must be a colour such as #1d4ed8."), not zod's.
      if (issue.format === 'regex' && !issue.message.startsWith('Invalid')) return issue.message;
      return `Must be a valid ${issue.format}.`;
    case 'invalid_value':
      return `Must be one of: ${issue.values.map(String).join(', ')}.`;
    default:
      return 'Invalid value.';
  }
}
