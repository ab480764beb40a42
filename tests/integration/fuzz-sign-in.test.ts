import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveToken } from '../../server/auth/tokens';
import { createSignInLink } from '../../server/domain/sign-in-link';
import type { Rep } from '../../server/storage/store';
import {
  aroundLength,
  contentType,
  countsDelta,
  expectSaneAnswer,
  headersFrom,
  headerValue,
  hostileJson,
  hostileKey,
  hostileText,
  NOTHING,
  objectText,
  originHeader,
  rawBody,
  storedCounts,
  type WireBody,
} from '../support/fuzz';
import { addRep, ORIGIN } from '../support/inbox-client';
import { createTestApp, SECRET, type TestApp } from '../support/test-app';

// Malformed and hostile sign-in requests (issue: "Fuzzing"): password, link request and link
// sign-in, with and without the inbox's own Origin. Only a 200 may start a session.

const ANNA = 'anna@hengda.example';
const GONE = 'gone@hengda.example';
const PASSWORD = 'password-123';
// Replaced, in the run that draws it, by the token of a sign-in link made just before.
const FRESH_LINK = '@@fresh-link@@';

let t: TestApp;
let anna: Rep;
let gone: Rep;
beforeAll(async () => {
  t = await createTestApp();
  anna = await addRep(t, { email: ANNA, password: PASSWORD });
  gone = await addRep(t, { email: GONE, password: PASSWORD, active: false });
});
afterAll(async () => {
  await t.close();
});

const email = fc.oneof(
  {
    arbitrary: fc.constantFrom(
      ANNA,
      ` ${ANNA.toUpperCase()} `,
      GONE,
      'moore.liu@example.com',
      'nobody@hengda.example',
    ),
    weight: 4,
  },
  {
    arbitrary: aroundLength(254 - '@hengda.example'.length).map((l) => `${l}@hengda.example`),
    weight: 1,
  },
  { arbitrary: hostileText(3), weight: 1 },
);
const password = fc.oneof(
  { arbitrary: fc.constant(PASSWORD), weight: 3 },
  { arbitrary: fc.constantFrom(`${PASSWORD} `, 'PASSWORD-123', ''), weight: 1 },
  { arbitrary: aroundLength(200), weight: 1 },
  { arbitrary: hostileText(4), weight: 1 },
);
const linkToken = fc.oneof(
  { arbitrary: fc.constant(FRESH_LINK), weight: 3 },
  { arbitrary: fc.stringMatching(/^[a-z2-7]{26}$/), weight: 2 },
  { arbitrary: fc.oneof(aroundLength(16), aroundLength(100), hostileText(4)), weight: 2 },
);

// A body: the route's own fields (some wrong), an extra hostile key, or anything at all.
const bodyFor = (fields: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<WireBody> =>
  fc.oneof(
    { arbitrary: fields.map((f) => JSON.stringify(f)), weight: 5 },
    {
      arbitrary: fc
        .tuple(fields, hostileKey(['email', 'password', 'token']), hostileJson)
        .map(([f, key, raw]) => objectText([...Object.entries(f), [key, JSON.parse(raw)]])),
      weight: 1,
    },
    { arbitrary: hostileJson, weight: 1 },
    { arbitrary: rawBody, weight: 1 },
  );

const request = fc.oneof(
  fc.record({ path: fc.constant('/password'), body: bodyFor(fc.record({ email, password })) }),
  fc.record({ path: fc.constant('/link'), body: bodyFor(fc.record({ email })) }),
  fc.record({ path: fc.constant('/link/sign-in'), body: bodyFor(fc.record({ token: linkToken })) }),
);

describe('fuzzing sign-in: /api/inbox/auth/password, /link, /link/sign-in', () => {
  it('never answers 5xx; only a 200 starts a session and sets a cookie', async () => {
    await fc.assert(
      fc.asyncProperty(
        request,
        fc.oneof(
          { arbitrary: fc.constant(ORIGIN), weight: 4 },
          { arbitrary: originHeader, weight: 1 },
        ),
        fc.oneof(
          { arbitrary: fc.constant('application/json'), weight: 4 },
          { arbitrary: contentType, weight: 1 },
        ),
        fc.option(headerValue(), { nil: undefined }),
        // Minutes that pass before the request: now and then past the throttle's lock.
        fc.oneof(
          { arbitrary: fc.constant(0), weight: 80 },
          { arbitrary: fc.constant(16), weight: 1 },
        ),
        async ({ path, body }, origin, type, cookie, minutes) => {
          t.now.value = new Date(t.now.value.getTime() + minutes * 60_000);
          let wire = body;
          if (typeof body === 'string' && body.includes(FRESH_LINK)) {
            const id = await createSignInLink(
              { store: t.store, clock: () => t.now.value, newId: t.newId, secret: SECRET },
              Math.random() < 0.8 ? anna : gone,
              60_000,
            );
            wire = body.replaceAll(FRESH_LINK, deriveToken(SECRET, 'sign-in', id));
          }
          const before = await storedCounts(t.db);
          const res = await t.app.request(`/api/inbox/auth${path}`, {
            method: 'POST',
            headers: headersFrom({ 'Content-Type': type, Origin: origin, Cookie: cookie }),
            body: wire,
          });
          const answer = await expectSaneAnswer(res, undefined);
          const setCookie = res.headers.get('Set-Cookie');
          const delta = countsDelta(before, await storedCounts(t.db));
          // A state change from anywhere but the inbox's own origin is refused before all else.
          if (origin !== ORIGIN) expect(res.status).toBe(403);
          if (res.status === 200) {
            expect(answer).toMatchObject({ email: expect.toBeOneOf([ANNA]) });
            expect(setCookie).toMatch(/^liaison_session=[a-z2-7]{26};.*HttpOnly/);
            expect(delta).toEqual({ ...NOTHING, sessions: 1 });
            return;
          }
          expect(setCookie).toBeNull();
          if (res.status === 202) {
            // A link for an active account is one link row and its mail; otherwise nothing.
            expect(path).toBe('/link');
            expect(delta).toEqual(
              delta.signInLinks === 0 ? NOTHING : { ...NOTHING, signInLinks: 1, deliveries: 1 },
            );
            return;
          }
          expect(delta).toEqual(NOTHING);
        },
      ),
      { numRuns: 300 },
    );
  });
});
