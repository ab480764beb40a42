import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '../../server/auth/sessions';
import {
  aroundLength,
  asHeaderValue,
  countsDelta,
  encodeSegment,
  expectSaneAnswer,
  headersFrom,
  headerValue,
  hostileJson,
  hostileText,
  NOTHING,
  originHeader,
  storedCounts,
} from '../support/fuzz';
import { addRep, inboxRequest, ORIGIN, sendInquiry, signInAs } from '../support/inbox-client';
import { createTestApp, type TestApp } from '../support/test-app';

// The inbox API with forged and random session cookies (issue: "Fuzzing"): always 401 or 403,
// never a 5xx, nothing stored. Then the list's query string as a signed-in rep sends it.

let t: TestApp;
let inquiryId: string;
let goneSession: string;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  inquiryId = (await sendInquiry(t)).id;
  await addRep(t, { email: 'anna@hengda.example' });
  const gone = await addRep(t, { email: 'gone@hengda.example', active: false });
  // A real session of a rep deactivated since: as good as no session.
  goneSession = (await startSession(t.store, gone.id, t.now.value)).token;
  cookie = await signInAs(t, 'anna@hengda.example');
});
afterAll(async () => {
  await t.close();
});

const ROUTES: ReadonlyArray<readonly [string, string]> = [
  ['GET', '/me'],
  ['GET', '/reps'],
  ['GET', '/inquiries'],
  ['GET', '/inquiries?status=spam&q=%00&cursor=%ZZ&limit=999'],
  ['GET', '/inquiries/:id'],
  ['POST', '/inquiries/:id/read'],
  ['POST', '/inquiries/:id/messages'],
  ['PATCH', '/inquiries/:id'],
  ['GET', '/events'],
  ['POST', '/auth/sign-out'],
  ['GET', '/admin/site'],
  ['PUT', '/admin/site'],
  ['POST', '/admin/reps'],
  ['PUT', '/admin/reps/:id'],
  ['DELETE', '/admin/teams/:id'],
  ['PUT', '/admin/rules'],
  ['GET', '/admin/stats'],
  ['GET', '/no-such-route'],
];

const sessionCookie = fc.oneof(
  fc.constant(undefined),
  fc.stringMatching(/^[a-z2-7]{26}$/).map((v) => `liaison_session=${v}`),
  fc.constant('').map(() => `liaison_session=${goneSession}`),
  fc.constant('').map(() => `liaison_session=${goneSession.toUpperCase()}x`),
  headerValue(80).map((v) => `liaison_session=${v}`),
  aroundLength(64).map((v) => `liaison_session=${asHeaderValue(v)}`),
  fc.constantFrom(
    'liaison_session=',
    'liaison_session',
    'liaison_session=a; liaison_session=b',
    'liaison_session="quoted"',
    'liaison_session=%E0%A4%A',
    'liaison_session=%00',
    'LIAISON_SESSION=aaaaaaaaaaaaaaaaaaaaaaaaaa',
    '; ; =;',
    '__proto__=1; constructor=2',
  ),
  headerValue(200),
);

const id = fc.oneof(
  fc.constant('').map(() => inquiryId),
  fc.uuid(),
  fc.constantFrom('..', '%2e%2e', '%00', '%', "1' OR '1'='1", 'x'.repeat(3000)),
);

describe('fuzzing the inbox API with forged session cookies', () => {
  it('always answers 401 or 403 and stores nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES),
        id,
        sessionCookie,
        fc.oneof(
          { arbitrary: fc.constant(ORIGIN), weight: 3 },
          { arbitrary: originHeader, weight: 1 },
        ),
        hostileJson,
        async ([method, route], target, forged, origin, body) => {
          const before = await storedCounts(t.db);
          const res = await t.app.request(`/api/inbox${route.replace(':id', target)}`, {
            method,
            headers: headersFrom({
              Cookie: forged,
              Origin: origin,
              'Content-Type': 'application/json',
            }),
            ...(method !== 'GET' && { body }),
          });
          await expectSaneAnswer(res, undefined);
          const delta = countsDelta(before, await storedCounts(t.db));
          if (route === '/auth/sign-out' && origin === ORIGIN) {
            // Signing out with any cookie is fine: it ends that session, if there is one.
            expect(res.status).toBe(204);
            expect(delta).toEqual({ ...NOTHING, sessions: expect.toBeOneOf([0, -1]) });
            return;
          }
          expect(res.status).toBeOneOf([401, 403]);
          expect(res.headers.get('Set-Cookie')).toBeNull();
          expect(delta).toEqual(NOTHING);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('fuzzing the inbox list query as a signed-in rep', () => {
  // Each value is percent-encoded (encodeSegment), so `%00` arrives as a NUL, `"` as a quote.
  const value = fc.oneof(
    hostileText(4),
    aroundLength(200),
    fc.constantFrom(
      '"',
      '""',
      '*',
      'NEAR(a b)',
      'a OR b',
      '-x',
      '^x',
      '\u0000',
      'x\u0000y',
      ':',
      '(',
    ),
  );
  const query = fc
    .record(
      {
        status: fc.oneof(
          fc.constantFrom('new', 'open', 'waiting', 'closed', 'spam'),
          hostileText(2),
        ),
        q: value,
        cursor: fc.oneof(
          value,
          fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v) ?? '').toString('base64url')),
          fc
            .tuple(fc.constantFrom(0, 1), hostileText(2), hostileText(2))
            .map((v) => Buffer.from(JSON.stringify(v)).toString('base64url')),
        ),
        limit: fc.oneof(fc.constantFrom('0', '1', '999', '1000', '-1', '1e3'), hostileText(1)),
      },
      { requiredKeys: [] },
    )
    .map((params) =>
      Object.entries(params)
        .map(([k, v]) => `${k}=${encodeSegment(v)}`)
        .join('&'),
    );

  // Found by the property below: FTS5 reads its query text up to the first NUL, so the quoted
  // term the search built ends unterminated and SQLite throws "unterminated string" (a 500).
  it('answers a search containing a NUL without a 5xx', async () => {
    const res = await inboxRequest(t, cookie, 'GET', '/inquiries?q=x%00y');
    expect(res.status).toBeLessThan(500);
  });

  it('never answers 5xx and never stores anything', async () => {
    await fc.assert(
      fc.asyncProperty(query, async (search) => {
        const before = await storedCounts(t.db);
        const res = await inboxRequest(t, cookie, 'GET', `/inquiries?${search}`);
        const answer = await expectSaneAnswer(res, undefined);
        if (res.status === 200) expect(answer).toMatchObject({ items: expect.any(Array) });
        expect(countsDelta(before, await storedCounts(t.db))).toEqual(NOTHING);
      }),
      { numRuns: 200 },
    );
  });
});
