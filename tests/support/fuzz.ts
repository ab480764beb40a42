import fc from 'fast-check';
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import { ERROR_CODES } from '../../contract';
import type { Database } from '../../server/storage/database';
import { PUBLIC_URL } from './test-app';

/** Tables a request could write to; a refused request must leave every count as it was. */
const STORED = [
  'inquiries',
  'messages',
  'deliveries',
  'conversationTokens',
  'idempotencyKeys',
  'sessions',
  'signInLinks',
] as const;
export type StoredCounts = Record<(typeof STORED)[number], number>;

/** Row counts of every table a request may write to (rate-limit counters aside). */
export async function storedCounts(db: Kysely<Database>): Promise<StoredCounts> {
  const counts: Partial<StoredCounts> = {};
  for (const table of STORED) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts as StoredCounts;
}

/** How each count moved between two snapshots. */
export function countsDelta(before: StoredCounts, after: StoredCounts): StoredCounts {
  const delta = { ...after };
  for (const table of STORED) delta[table] = after[table] - before[table];
  return delta;
}

/** The rows a refused request stored: none. */
export const NOTHING: StoredCounts = {
  inquiries: 0,
  messages: 0,
  deliveries: 0,
  conversationTokens: 0,
  idempotencyKeys: 0,
  sessions: 0,
  signInLinks: 0,
};

/**
 * Checks what every API answer must be: never a 5xx, an error as our one JSON shape, and CORS
 * that echoes the caller's own origin at most (never `*`). Returns the parsed body.
 */
export async function expectSaneAnswer(
  res: Response,
  origin: string | undefined,
): Promise<unknown> {
  expect(res.status, 'no 5xx').toBeLessThan(500);
  const allowOrigin = res.headers.get('Access-Control-Allow-Origin');
  if (allowOrigin !== null) expect(allowOrigin).toBe(origin);
  if (res.status < 400) {
    // 202, 204 and 304 carry no body.
    const text = await res.text();
    return text ? JSON.parse(text) : null;
  }
  expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
  const body: unknown = await res.json();
  expect(body).toEqual({
    error: {
      code: expect.toBeOneOf([...ERROR_CODES]),
      message: expect.any(String),
      ...(hasFields(body) && { fields: expect.any(Object) }),
    },
  });
  return body;
}

function hasFields(body: unknown): boolean {
  const error: unknown = body && typeof body === 'object' ? Reflect.get(body, 'error') : null;
  return !!error && typeof error === 'object' && 'fields' in error;
}

// Characters that have broken parsers, storage, search indexes and mail headers elsewhere:
// NUL, bidi overrides (RTL marks), BOM, line separators, a lone surrogate of each half,
// combining marks, astral characters and ZWJ sequences, quotes, markup, SQL and template text.
const NASTY = [
  '\u0000',
  '\u202e',
  '\u200f',
  '\u200e',
  '\u2066',
  '\ufeff',
  '\ud800',
  '\udfff',
  '\u2028',
  '\u2029',
  '\r\n',
  '\r',
  '\t',
  '\u00a0',
  '"',
  "'",
  '\\',
  '\\u0000',
  '<script>alert(1)</script>',
  "'; DROP TABLE inquiries;--",
  '" OR 1=1 --',
  'MATCH "x" NEAR(',
  '${process.exit()}',
  '{{constructor}}',
  '%00',
  '%s%n',
  '../../',
  '\u0301\u0301',
  '𝕏',
  '👩‍👩‍👧',
  'İı',
  'ß',
  '٣',
  'مرحبا',
  '\u0007\u001b[2J',
] as const;

const loneSurrogate = fc
  .integer({ min: 0xd800, max: 0xdfff })
  .map((code) => String.fromCharCode(code));

/** Text made of random code points and the nasty pieces above, up to `maxPieces` pieces. */
export const hostileText = (maxPieces = 8): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        { arbitrary: fc.string({ unit: 'binary', maxLength: 12 }), weight: 3 },
        { arbitrary: fc.constantFrom(...NASTY), weight: 3 },
        { arbitrary: fc.string({ maxLength: 12 }), weight: 2 },
        { arbitrary: loneSurrogate, weight: 1 },
      ),
      { maxLength: maxPieces },
    )
    .map((pieces) => pieces.join(''));

/** A string of about `limit` UTF-16 units (a little under, at, or over), padded with `fill`. */
export const aroundLength = (limit: number, prefix = ''): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.integer({ min: -2, max: 2 }),
      // A multi-unit character at the end moves the length by two, not one.
      fc.constantFrom('a', 'é', ' ', '𝕏', '\u0000'),
    )
    .map(([offset, fill]) => {
      const body = 'x'.repeat(Math.max(0, limit + offset - prefix.length - fill.length));
      return `${prefix}${body}${fill}`;
    });

/**
 * A value an HTTP header can carry (what a fetch `Headers` accepts: no NUL, CR or LF, code
 * units up to 0xFF), including the Latin-1 range a real client may send.
 */
export const headerValue = (maxLength = 40): fc.Arbitrary<string> =>
  fc.string({
    unit: fc
      .integer({ min: 1, max: 0xff })
      .filter((code) => code !== 0x0a && code !== 0x0d)
      .map((code) => String.fromCharCode(code)),
    maxLength,
  });

/** `text` with what a fetch `Headers` refuses (NUL, CR, LF, code units over 0xFF) replaced. */
export const asHeaderValue = (text: string): string =>
  text.replace(/[^\x01-\x09\x0b\x0c\x0e-\xff]/g, '?');

/** Origin headers: ours, allowed localhost ports, foreign, malformed and random. */
export const originHeader: fc.Arbitrary<string | undefined> = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 4 },
  {
    arbitrary: fc.constantFrom(
      new URL(PUBLIC_URL).origin,
      'http://localhost:3000',
      'http://127.0.0.1:9',
      'https://localhost:8787',
      'http://localhost:8787/',
      'HTTP://LOCALHOST:8787',
      'http://localhost.evil.example',
      'http://evil.example',
      'https://evil.example:8787',
      'null',
      '',
      '*',
      'http://localhost:*',
      'http://[::1]:8787',
      'http://localhost:8787@evil.example',
    ),
    weight: 4,
  },
  { arbitrary: headerValue(), weight: 1 },
);

/** Content-Type headers: JSON as browsers and servers spell it, near misses, and junk. */
export const contentType: fc.Arbitrary<string | undefined> = fc.oneof(
  { arbitrary: fc.constant('application/json'), weight: 6 },
  {
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'APPLICATION/JSON',
      ' application/json ;charset=utf-16',
      'application/json;;;',
      'application/json; boundary="x"',
      'application/problem+json',
      'application/jsonx',
      'text/json',
      'text/plain',
      'text/plain;charset=UTF-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=----x',
      '*/*',
      '',
    ),
    weight: 3,
  },
  { arbitrary: fc.constant(undefined), weight: 1 },
  { arbitrary: headerValue(), weight: 1 },
);

/** Idempotency-Key headers: a small pool (so keys repeat), UUIDs, lengths at the limit, junk. */
export const idempotencyKey: fc.Arbitrary<string | undefined> = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 5 },
  { arbitrary: fc.constantFrom('k1', 'k2', 'k3'), weight: 3 },
  { arbitrary: fc.uuid(), weight: 1 },
  { arbitrary: fc.constantFrom('', ' ', 'a'.repeat(255), 'a'.repeat(256), 'ä', 'a b'), weight: 1 },
  { arbitrary: headerValue(300), weight: 1 },
);

/** A JSON body as it goes on the wire: text (JSON or not) or raw bytes. */
export type WireBody = string | Uint8Array<ArrayBuffer>;

/** Raw bodies: random text, random bytes, truncated and almost-JSON, deep nesting. */
export const rawBody: fc.Arbitrary<WireBody> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  // Copied into a plain ArrayBuffer, the kind a fetch body takes.
  fc.uint8Array({ maxLength: 200 }).map((bytes) => new Uint8Array(bytes)),
  fc.constantFrom(
    '',
    ' ',
    'null',
    'true',
    '0',
    '-0',
    '1e400',
    '"x"',
    '[]',
    '{}',
    '{',
    '{"email":',
    '{"__proto__":{"polluted":1}}',
    '{"constructor":{"prototype":{"polluted":1}}}',
    '\ufeff{}',
    '{"a":1}garbage',
    "{'single':'quotes'}",
    '{"email":"a@b.example","email":5}',
    'NaN',
  ),
  fc.integer({ min: 1, max: 30_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
  fc
    .integer({ min: 1, max: 10_000 })
    .map((depth) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)),
);

/** Any JSON value, keys included, with the prototype-ish and hostile keys mixed in. */
export const hostileJson: fc.Arbitrary<string> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value) ?? 'null'),
  fc.array(fc.tuple(hostileKey(), fc.jsonValue({ maxDepth: 2 })), { maxLength: 6 }).map(objectText),
);

/** Object keys an attacker likes: prototype names, field names, and random text. */
export function hostileKey(fields: readonly string[] = []): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', ''),
    ...(fields.length > 0 ? [fc.constantFrom(...fields)] : []),
    hostileText(3),
  );
}

/**
 * A JSON object's text from entries, written by hand: `__proto__` then stays an own key as a
 * JSON parser sees it (an object literal would set the prototype instead), and keys may repeat.
 */
export function objectText(entries: ReadonlyArray<readonly [string, unknown]>): string {
  const members = entries.flatMap(([key, value]) => {
    const text = JSON.stringify(value);
    return text === undefined ? [] : [`${JSON.stringify(key)}:${text}`];
  });
  return `{${members.join(',')}}`;
}

/** Percent-encodes the UTF-8 of `text` (a lone surrogate becomes U+FFFD, as browsers do). */
export const encodeSegment = (text: string) =>
  [...Buffer.from(text, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9._~-]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).padStart(2, '0')}`,
    )
    .join('');

/** Site keys as they appear in the path: ours, path tricks, broken escapes, random. */
export const siteKey = fc.oneof(
  { arbitrary: fc.constant('demo'), weight: 8 },
  {
    arbitrary: fc.constantFrom(
      '..%2f',
      '..%2F..%2Finbox',
      '%00',
      'demo%00',
      '..',
      '%2e%2e',
      '%2e%2e%2f%2e%2e%2fapi%2finbox',
      'DEMO',
      'demo%2F',
      'demo%20',
      '%20demo',
      '%ZZ',
      '%',
      '%E0%A4%A',
      '%C0%AE%C0%AE',
      '%uD800',
      'demo;x=1',
      'demo%3Fx=1',
      '%23',
      '....%2F%2F',
      '%5c..%5c',
      'constructor',
      '__proto__',
      'x'.repeat(5000),
    ),
    weight: 3,
  },
  { arbitrary: hostileText(3).map(encodeSegment), weight: 1 },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
);

/** Request headers from optional values: an undefined one is not sent at all. */
export const headersFrom = (entries: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(entries).filter((e): e is [string, string] => e[1] !== undefined),
  );
