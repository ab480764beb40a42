import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_SHAPE } from '../../server/auth/tokens';
import {
  aroundLength,
  countsDelta,
  contentType,
  expectSaneAnswer,
  headersFrom,
  headerValue,
  hostileJson,
  hostileKey,
  hostileText,
  idempotencyKey,
  NOTHING,
  originHeader,
  rawBody,
  siteKey,
  storedCounts,
  type WireBody,
} from '../support/fuzz';
import { createTestApp, inquiryBody, type TestApp } from '../support/test-app';

// Malformed and hostile requests to the widget's public API (issue: "Fuzzing"). Each property
// runs against one app on a real SQLite file; every run compares row counts before and after.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const site = await t.store.findSiteByKey('demo');
  const moore = await t.store.findRepByEmail('moore.liu@example.com');
  if (!site || !moore) throw new Error('demo seed missing');
  // Rules of every kind, so that hostile page URLs, languages, countries and SKUs reach the
  // router's globs and country names rather than stopping at the default rep.
  const target = { repId: moore.id };
  const rule = (id: string, match: Record<string, unknown>) => ({
    id,
    siteId: site.id,
    name: id,
    match,
    target,
  });
  await t.store.replaceRules(site.id, [
    rule('by-page', { pageUrl: 'https://*.example/*valves*', languages: ['de', 'zh-Hant'] }),
    rule('by-country', { countries: ['EU', 'CN', 'Germany', 'Côte d’Ivoire'] }),
    rule('by-product', { sku: 'BV-*', category: 'valves' }),
  ]);
});
afterAll(async () => {
  await t.close();
});

// A JSON tree whose objects keep their entries in order, duplicates and `__proto__` included.
type Node = { raw: string } | { entries: Array<[string, Node]> };

function toNode(value: unknown): Node {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return { entries: Object.entries(value).map(([k, v]): [string, Node] => [k, toNode(v)]) };
  }
  return { raw: JSON.stringify(value) };
}

function nodeText(node: Node): string {
  if ('raw' in node) return node.raw;
  return `{${node.entries.map(([k, v]) => `${JSON.stringify(k)}:${nodeText(v)}`).join(',')}}`;
}

/** Sets (raw JSON text), deletes (null) or, with `append`, adds a duplicate of the key at `path`. */
function edit(node: Node, path: readonly string[], raw: string | null, append: boolean): Node {
  const [key, ...rest] = path;
  if (key === undefined) return raw === null ? node : { raw };
  const entries = 'entries' in node ? [...node.entries] : [];
  const at = append ? -1 : entries.findIndex(([k]) => k === key);
  const child = at >= 0 ? edit(entries[at]?.[1] ?? { entries: [] }, rest, raw, false) : null;
  if (at >= 0) {
    if (raw === null && rest.length === 0) entries.splice(at, 1);
    else if (child) entries[at] = [key, child];
  } else if (raw !== null) {
    entries.push([key, edit({ entries: [] }, rest, raw, false)]);
  }
  return { entries };
}

// Each field's length limit in contract/inquiry.ts; URLs are padded after a real prefix.
const LIMITS: ReadonlyArray<readonly [readonly string[], number, string]> = [
  [['name'], 200, ''],
  [['email'], 254, 'jane@'],
  [['company'], 200, ''],
  [['country'], 100, ''],
  [['phone'], 50, '+49 '],
  [['message'], 8000, ''],
  [['message'], 20, ''],
  [['rep'], 100, ''],
  [['product', 'name'], 300, ''],
  [['product', 'sku'], 100, 'BV-'],
  [['product', 'category'], 100, ''],
  [['product', 'url'], 2000, 'https://hengda.example/'],
  [['product', 'image'], 2000, 'https://hengda.example/'],
  [['page', 'url'], 2000, 'https://hengda.example/valves/'],
  [['page', 'referrer'], 2000, 'https://search.example/'],
  [['page', 'language'], 35, 'de-'],
  [['page', 'timezone'], 64, 'Europe/'],
  [['client', 'honeypot'], 500, ''],
];
const PATHS = [
  ...new Set(
    [
      ...LIMITS.map(([path]) => path),
      ['quantity'],
      ['unit'],
      ['product'],
      ['page'],
      ['client'],
      ['client', 'elapsedMs'],
    ].map((p) => p.join('.')),
  ),
].map((p) => p.split('.'));
const FIELD_NAMES = [...new Set(PATHS.map((p) => p.at(-1) ?? ''))];

// Wrong types and edge numbers for any field, as JSON text (1e400 parses to Infinity).
const oddValue = fc.constantFrom(
  'null',
  'true',
  '0',
  '-0',
  '-1',
  '1.5',
  '1000000000',
  '1000000001',
  '1e400',
  '9007199254740993',
  '[]',
  '{}',
  '""',
  '"   "',
  '["a@b.example"]',
  '{"name":"x"}',
);

const mutation = fc.oneof(
  // A field set to a hostile or wrong-typed value, or removed.
  fc.record({
    path: fc.constantFrom(...PATHS),
    raw: fc.oneof(
      hostileText().map((s) => JSON.stringify(s)),
      hostileJson,
      oddValue,
      fc.constant(null),
    ),
    append: fc.constant(false),
  }),
  // A string at, just under or just over the field's limit.
  fc
    .constantFrom(...LIMITS)
    .chain(([path, limit, prefix]) =>
      aroundLength(limit, prefix).map((s) => ({ path, raw: JSON.stringify(s), append: false })),
    ),
  // An extra key at the top or inside an object, or a field repeated with another value.
  fc
    .record({
      path: fc.tuple(
        fc.constantFrom([], ['product'], ['page'], ['client']),
        hostileKey(FIELD_NAMES),
      ),
      raw: fc.oneof(hostileJson, oddValue),
      append: fc.boolean(),
    })
    .map(({ path: [parent, key], raw, append }) => ({ path: [...parent, key], raw, append })),
);

const mutatedInquiry = fc
  .array(mutation, { minLength: 1, maxLength: 4 })
  .map((edits) =>
    nodeText(
      edits.reduce<Node>(
        (node, { path, raw, append }) => edit(node, path, raw, append),
        toNode(inquiryBody()),
      ),
    ),
  );

// Valid inquiries carrying hostile text in every free-text field: these may be stored (201).
const validInquiry = fc
  .record({
    name: hostileText(4),
    // fast-check's RFC 5322 addresses are mostly beyond what the contract's email check takes.
    email: fc.oneof(
      {
        arbitrary: fc.stringMatching(
          /^[a-z0-9]([\w'+-]{0,30}[\w+-])?@[a-z0-9][a-z0-9-]{0,19}\.[a-z]{2,6}$/,
        ),
        weight: 4,
      },
      { arbitrary: fc.emailAddress(), weight: 1 },
    ),
    company: hostileText(4),
    country: fc.oneof(
      fc.constantFrom('Germany', 'de', 'CN', 'EU', '', 'côte d’ivoire'),
      hostileText(2),
    ),
    message: hostileText().map((s) => `Please quote 500 pieces of DN50 valves. ${s}`),
    product: fc.option(
      fc.record({
        name: hostileText(3).map((s) => `Valve ${s}`),
        sku: fc.oneof(fc.constantFrom('BV-50', 'BV-*', ''), hostileText(2)),
        category: fc.constantFrom('valves', 'VALVES', 'pumps'),
      }),
      { nil: undefined },
    ),
    page: fc.option(
      fc.record({
        url: fc.oneof(
          fc.constantFrom('https://hengda.example/valves/1', 'https://a.example/**valves**'),
          hostileText(3),
        ),
        language: fc.oneof(fc.constantFrom('de', 'de-DE', 'zh-hant-TW', 'ar', ''), hostileText(2)),
        timezone: fc.oneof(fc.constantFrom('Europe/Berlin', 'Mars/Olympus'), hostileText(2)),
      }),
      { nil: undefined },
    ),
    client: fc.option(
      fc.record({ elapsedMs: fc.nat({ max: 20_000 }), honeypot: fc.constantFrom('', 'x') }),
      { nil: undefined },
    ),
  })
  .map((fields) => JSON.stringify(inquiryBody(fields)));

// Bodies around the 64 KB limit of server/app.ts, in one-byte and multi-byte characters.
const hugeInquiry = fc
  .tuple(fc.integer({ min: 60_000, max: 70_000 }), fc.constantFrom('x', 'é', '𝕏'))
  .map(([bytes, char]) =>
    JSON.stringify(
      inquiryBody({ message: char.repeat(Math.ceil(bytes / Buffer.byteLength(char))) }),
    ),
  );

const inquiryWire: fc.Arbitrary<WireBody> = fc.oneof(
  { arbitrary: validInquiry, weight: 3 },
  { arbitrary: mutatedInquiry, weight: 4 },
  { arbitrary: hostileJson, weight: 1 },
  { arbitrary: rawBody, weight: 1 },
  { arbitrary: hugeInquiry, weight: 1 },
);

// Most runs send a well-formed request around the body, so the body reaches validation and the
// store; the rest vary every header and the path at once.
const cleanEnvelope = fc.record({
  key: fc.constant('demo'),
  method: fc.constant('POST'),
  type: fc.constantFrom('application/json', 'application/json; charset=utf-8'),
  idempotency: fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 3 },
    { arbitrary: fc.uuid(), weight: 1 },
    { arbitrary: fc.constantFrom('k1', 'k2', 'k3'), weight: 1 },
  ),
  origin: fc.constantFrom(undefined, 'http://localhost:8787', 'http://127.0.0.1:5173'),
  length: fc.constant(undefined),
  extra: fc.constant(null),
});

const hostileEnvelope = fc.record({
  key: siteKey,
  method: fc.oneof(
    { arbitrary: fc.constant('POST'), weight: 12 },
    { arbitrary: fc.constantFrom('OPTIONS', 'GET', 'PUT'), weight: 1 },
  ),
  type: contentType,
  idempotency: idempotencyKey,
  origin: originHeader,
  length: fc.option(fc.constantFrom('0', '5', '-1', 'abc', '99999999', '1e3'), {
    nil: undefined,
    freq: 4,
  }),
  extra: fc.option(fc.tuple(fc.constantFrom('X-Forwarded-For', 'Cookie'), headerValue())),
});

describe('fuzzing POST /api/v1/sites/{key}/inquiries', () => {
  it('never answers 5xx; a refusal stores nothing, a 201 stores one inquiry and one message', async () => {
    // Keys whose first request was stored: a repeat with the same body is answered again (201)
    // without storing anything.
    const storedKeys = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { arbitrary: cleanEnvelope, weight: 3 },
          { arbitrary: hostileEnvelope, weight: 2 },
        ),
        inquiryWire,
        async ({ key, method, type, idempotency, origin, length, extra }, body) => {
          const before = await storedCounts(t.db);
          const res = await t.app.request(`/api/v1/sites/${key}/inquiries`, {
            method,
            headers: headersFrom({
              'Content-Type': type,
              'Idempotency-Key': idempotency,
              Origin: origin,
              'Content-Length': length,
              ...(extra && { [extra[0]]: extra[1] }),
            }),
            ...(method !== 'GET' && { body }),
          });
          const answer = await expectSaneAnswer(res, origin);
          const delta = countsDelta(before, await storedCounts(t.db));
          if (res.status !== 201) {
            expect(delta).toEqual(NOTHING);
            return;
          }
          expect(answer).toEqual({
            id: expect.any(String),
            rep: expect.toBeOneOf([null, { name: expect.any(String) }]),
            token: expect.stringMatching(TOKEN_SHAPE),
          });
          if (idempotency !== undefined && storedKeys.has(idempotency) && delta.inquiries === 0) {
            expect(delta).toEqual(NOTHING);
            return;
          }
          expect(delta).toMatchObject({ inquiries: 1, messages: 1, sessions: 0, signInLinks: 0 });
          if (idempotency !== undefined) storedKeys.add(idempotency);
        },
      ),
      { numRuns: 500 },
    );
  });
});
