import { zValidator } from '@hono/zod-validator';
import type { MiddlewareHandler } from 'hono';
import type { $ZodIssue, $ZodType } from 'zod/v4/core';
import { DomainError } from '../domain/errors';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Refuses a body that is not JSON (415) or does not parse (400), before validation. */
export const requireJson: MiddlewareHandler = async function requireJson(c, next) {
  const type = (c.req.header('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
  }
  let body: unknown;
  try {
    // Read strictly: the Fetch API's own reading puts U+FFFD for bytes that are not UTF-8 (a
    // Latin-1 "ü"), and the text would be stored so.
    const text = UTF8.decode(await c.req.arrayBuffer());
    body = JSON.parse(text);
    // Kept as the text Hono's `c.req.json()` reads (the validator's), which it would otherwise
    // make again from the bytes through a new Response: some 50 µs of an inquiry's 1.2 ms
    // (a CPU profile under load). Hono keeps promises there, though its type says strings.
    Object.assign(c.req.bodyCache, { text: Promise.resolve(text) });
  } catch (err) {
    if (err instanceof SyntaxError) {
      throw new DomainError('MALFORMED_JSON', 'The request body is not valid JSON.');
    }
    if (err instanceof TypeError) {
      throw new DomainError('MALFORMED_JSON', 'The request body is not valid UTF-8.');
    }
    throw err;
  }
  // JSON may spell half a character ("\ud800"); stored, it would become U+FFFD.
  const broken = brokenTextAt(body);
  if (broken) {
    throw new DomainError('VALIDATION_FAILED', 'Some fields are missing or invalid.', {
      [broken.join('.') || 'body']: 'Must be valid Unicode text: it holds half a character.',
    });
  }
  await next();
};

// In a `u` regex a pair of surrogates is one code point: only a lone one is \p{Cs}.
const LONE_SURROGATE = /\p{Cs}/u;

/** A place in a parsed body: its value, and its key under its parent's. */
interface Place {
  value: unknown;
  key: string;
  parent: Place | null;
}

/**
 * The path of a string (or key) in `value` with a lone surrogate; null if none. Walked with a
 * list, not by recursion (a body may nest arrays thousands deep), each place knowing only its
 * parent: the path is spelled only for the one found.
 */
function brokenTextAt(value: unknown): string[] | null {
  const pathOf = (place: Place, keys: string[] = []): string[] => {
    for (let at: Place | null = place; at?.parent; at = at.parent) keys.unshift(at.key);
    return keys;
  };
  const pending: Place[] = [{ value, key: '', parent: null }];
  for (let place = pending.pop(); place; place = pending.pop()) {
    const item = place.value;
    if (typeof item === 'string' && LONE_SURROGATE.test(item)) return pathOf(place);
    if (typeof item !== 'object' || item === null) continue;
    for (const [key, child] of Object.entries(item)) {
      if (LONE_SURROGATE.test(key)) return pathOf(place, [key]);
      pending.push({ value: child, key, parent: place });
    }
  }
  return null;
}

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
