import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aroundLength,
  countsDelta,
  encodeSegment,
  expectSaneAnswer,
  headersFrom,
  headerValue,
  hostileText,
  NOTHING,
  originHeader,
  siteKey,
  storedCounts,
} from '../support/fuzz';
import { createTestApp, type TestApp } from '../support/test-app';

// Random query strings and headers for the card's configuration (issue: "Fuzzing").

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('fuzzing GET /api/v1/sites/{key}/widget-config', () => {
  const param = fc.oneof(
    fc.constantFrom('rep', 'page', 'lang'),
    fc.constantFrom('rep[]', '__proto__', 'constructor', 'lang ', ''),
    hostileText(2),
  );
  const value = fc.oneof(
    fc.constantFrom('moore-liu', 'https://hengda.example/valves/1', 'de', 'zh-Hant', ''),
    aroundLength(35, 'de-'),
    aroundLength(100),
    aroundLength(2000, 'https://x.example/'),
    hostileText(4),
  );
  const query = fc.oneof(
    fc
      .array(fc.tuple(param, value), { maxLength: 4 })
      .map((pairs) => pairs.map(([k, v]) => `${encodeSegment(k)}=${encodeSegment(v)}`).join('&')),
    fc.constantFrom('%', '%ZZ', 'rep=%E0%A4%A', 'rep&rep', '&&&=', 'lang=%00', '=', 'rep=a&rep=b'),
    fc.string({ maxLength: 30 }),
  );

  it('never answers 5xx and never stores anything', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ arbitrary: fc.constant('demo'), weight: 2 }, { arbitrary: siteKey, weight: 1 }),
        query,
        fc.oneof(
          { arbitrary: fc.constant(undefined), weight: 2 },
          { arbitrary: originHeader, weight: 1 },
        ),
        fc.option(headerValue(), { nil: undefined }),
        async (key, search, origin, ifNoneMatch) => {
          const before = await storedCounts(t.db);
          const res = await t.app.request(`/api/v1/sites/${key}/widget-config?${search}`, {
            headers: headersFrom({ Origin: origin, 'If-None-Match': ifNoneMatch }),
          });
          const answer = await expectSaneAnswer(res, origin);
          if (res.status === 200)
            expect(answer).toMatchObject({ site: { name: expect.any(String) } });
          expect(countsDelta(before, await storedCounts(t.db))).toEqual(NOTHING);
        },
      ),
      { numRuns: 300 },
    );
  });
});
