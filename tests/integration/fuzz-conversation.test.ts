import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGE_MAX } from '../../contract';
import { rawConversationToken } from '../../server/domain/conversation-tokens';
import {
  aroundLength,
  contentType,
  countsDelta,
  encodeSegment,
  expectSaneAnswer,
  headersFrom,
  hostileJson,
  hostileText,
  idempotencyKey,
  NOTHING,
  objectText,
  originHeader,
  rawBody,
  storedCounts,
  type WireBody,
} from '../support/fuzz';
import { sendInquiry } from '../support/inbox-client';
import { createTestApp, SECRET, type TestApp } from '../support/test-app';

// Malformed and hostile requests to a visitor's conversation (issue: "Fuzzing"): random and
// real tokens, every route under /api/v1/conversations/{token} and the /c/{token} page.

let t: TestApp;
let visitorTokens: string[];
let repToken: string;
beforeAll(async () => {
  t = await createTestApp();
  visitorTokens = [(await sendInquiry(t)).token, (await sendInquiry(t, { page: undefined })).token];
  const rep = await t.db
    .selectFrom('conversationTokens')
    .select('id')
    .where('party', '=', 'rep')
    .executeTakeFirstOrThrow();
  // The rep's token of the same inquiry opens mail replies only, never the visitor's thread.
  repToken = rawConversationToken(SECRET, rep);
});
afterAll(async () => {
  await t.close();
});

const token = fc.oneof(
  { arbitrary: fc.constantFrom(0, 1).map((i) => visitorTokens[i] ?? ''), weight: 12 },
  {
    arbitrary: fc.constantFrom(0, 1).chain((i) => {
      const real = visitorTokens[i] ?? '';
      return fc.constantFrom(
        real.toUpperCase(),
        `${real}%00`,
        `${real}%20`,
        `${real}a`,
        real.slice(1),
        `%20${real}`,
        encodeURIComponent(`${real}\u202e`),
        `${real};x`,
      );
    }),
    weight: 2,
  },
  { arbitrary: fc.constant('').map(() => repToken), weight: 1 },
  { arbitrary: fc.stringMatching(/^[a-z2-7]{26}$/), weight: 2 },
  {
    arbitrary: fc.constantFrom(
      '',
      '..',
      '%2e%2e',
      '..%2f..%2fsites%2fdemo',
      '%00',
      '%',
      '%E0%A4%A',
      '0'.repeat(26),
      'A'.repeat(10_000),
      'constructor',
      '__proto__',
    ),
    weight: 2,
  },
  {
    arbitrary: hostileText(3).map(encodeSegment),
    weight: 1,
  },
);

const messageWire: fc.Arbitrary<WireBody> = fc.oneof(
  { arbitrary: hostileText().map((body) => JSON.stringify({ body })), weight: 4 },
  { arbitrary: aroundLength(MESSAGE_MAX).map((body) => JSON.stringify({ body })), weight: 1 },
  {
    arbitrary: fc
      .constantFrom('', ' ', '\u200b', '\u0000', '\n\t')
      .map((body) => JSON.stringify({ body })),
    weight: 1,
  },
  {
    arbitrary: fc
      .tuple(
        hostileText(2),
        fc.constantFrom('__proto__', 'constructor', 'kind', 'body', 'authorKind'),
        hostileJson,
      )
      .map(([body, key, raw]) =>
        objectText([
          ['body', `Hello ${body}`],
          [key, JSON.parse(raw)],
        ]),
      ),
    weight: 2,
  },
  { arbitrary: hostileJson, weight: 2 },
  { arbitrary: rawBody, weight: 1 },
);

const route = fc.constantFrom(
  ['GET', ''],
  ['POST', '/messages'],
  ['POST', '/messages'],
  ['POST', '/messages'],
  ['GET', '/events'],
  ['OPTIONS', '/messages'],
  ['GET', '/messages'],
  ['POST', ''],
  ['DELETE', ''],
  ['POST', '/events'],
  ['GET', '/page'],
);

describe('fuzzing /api/v1/conversations/{token} and /c/{token}', () => {
  it('never answers 5xx, and a refused follow-up stores nothing', async () => {
    const storedKeys = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        token,
        route,
        messageWire,
        fc.oneof(
          { arbitrary: fc.constant('application/json'), weight: 4 },
          { arbitrary: contentType, weight: 1 },
        ),
        idempotencyKey,
        fc.oneof(
          { arbitrary: fc.constant(undefined), weight: 3 },
          { arbitrary: originHeader, weight: 1 },
        ),
        async (tok, [method, suffix], body, type, key, origin) => {
          const before = await storedCounts(t.db);
          const page = suffix === '/page';
          const res = await t.app.request(
            page ? `/c/${tok}` : `/api/v1/conversations/${tok}${suffix}`,
            {
              method,
              headers: headersFrom({
                'Content-Type': type,
                'Idempotency-Key': key,
                Origin: origin,
              }),
              ...(method !== 'GET' && method !== 'OPTIONS' && { body }),
            },
          );
          if (page) {
            // An HTML page, not the API: only the status is ours to check.
            expect(res.status).toBeOneOf([200, 404]);
            await res.body?.cancel();
          } else if (suffix === '/events' && res.status === 200) {
            expect(res.headers.get('Content-Type')).toMatch(/^text\/event-stream/);
            await res.body?.cancel();
          } else {
            await expectSaneAnswer(res, origin);
          }
          const delta = countsDelta(before, await storedCounts(t.db));
          if (res.status !== 201) {
            expect(delta).toEqual(NOTHING);
            return;
          }
          if (key !== undefined && storedKeys.has(key) && delta.messages === 0) {
            expect(delta).toEqual(NOTHING);
            return;
          }
          expect(delta).toMatchObject({ inquiries: 0, messages: 1, sessions: 0 });
          if (key !== undefined) storedKeys.add(key);
        },
      ),
      { numRuns: 400 },
    );
  });
});
