import { solveChallenge } from 'altcha-lib/v1';
import { afterEach, describe, expect, it } from 'vitest';
import type { ErrorBody, ProofOfWorkChallenge } from '../../contract';
import { CHALLENGE_MS } from '../../server/domain/proof-of-work';
import { createTestApp, inquiryBody, rowCounts, type TestApp } from '../support/test-app';

let t: TestApp;
afterEach(async () => {
  await t.close();
});

const post = (body: unknown) =>
  t.app.request('/api/v1/sites/demo/inquiries', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
const challenge = async () =>
  (await (await t.app.request('/api/v1/sites/demo/challenge')).json()) as ProofOfWorkChallenge;
const siteId = async () => (await t.store.findSiteByKey('demo'))?.id ?? '';

/** Solves a challenge as the widget does, into the `pow` value to send. */
async function solve(c: NonNullable<ProofOfWorkChallenge['challenge']>): Promise<string> {
  const solution = await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise;
  if (!solution) throw new Error('unsolved');
  const payload = {
    algorithm: c.algorithm,
    challenge: c.challenge,
    number: solution.number,
    salt: c.salt,
    signature: c.signature,
  };
  return Buffer.from(JSON.stringify(payload)).toString('base64');
}

/** A fresh app whose demo site always asks for proof-of-work, and a solution to its challenge. */
async function solvedOnSwitchedOnSite(): Promise<string> {
  t = await createTestApp();
  await t.store.updateSite(await siteId(), { proofOfWork: 'on' });
  const { challenge: c } = await challenge();
  if (!c) throw new Error('no challenge');
  return solve(c);
}

describe('proof-of-work', () => {
  it('is not asked for by default, until the site is flooded', async () => {
    t = await createTestApp({ floodPerMinute: 3 });
    expect(await challenge()).toEqual({ required: false, challenge: null });
    for (let i = 0; i < 3; i++)
      expect((await post(inquiryBody({ email: `f${i}@buyer.example` }))).status).toBe(201);
    const asked = await challenge();
    expect(asked.required).toBe(true);
    const before = await rowCounts(t.db);
    const refused = await post(inquiryBody());
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as ErrorBody).error.code).toBe('PROOF_OF_WORK_REQUIRED');
    expect(await rowCounts(t.db)).toEqual(before);
    if (!asked.challenge) throw new Error('no challenge');
    expect((await post(inquiryBody({ pow: await solve(asked.challenge) }))).status).toBe(201);
  });

  it('when switched on, takes each solution once and refuses forged ones', async () => {
    const pow = await solvedOnSwitchedOnSite();
    expect((await post(inquiryBody({ pow }))).status).toBe(201);
    expect((await post(inquiryBody({ pow }))).status).toBe(403);
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(pow, 'base64').toString()), number: 1 }),
    ).toString('base64');
    expect((await post(inquiryBody({ pow: forged }))).status).toBe(403);
    expect((await post(inquiryBody({ pow: 'not base64 json' }))).status).toBe(403);
  });

  it('refuses a solution broken in any way with 403, never 500', async () => {
    const pow = await solvedOnSwitchedOnSite();
    const fields = JSON.parse(Buffer.from(pow, 'base64').toString()) as Record<string, unknown>;
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');
    for (const broken of [
      b64(42),
      b64('x'),
      b64(null),
      b64({ ...fields, algorithm: 'MD5' }),
      b64({ ...fields, algorithm: 5 }),
      b64({ ...fields, salt: 7 }),
      b64({ ...fields, signature: ['x'] }),
      b64({ ...fields, number: 'many' }),
    ]) {
      const res = await post(inquiryBody({ pow: broken }));
      expect(res.status, Buffer.from(broken, 'base64').toString()).toBe(403);
    }
    // The real one still counts.
    expect((await post(inquiryBody({ pow }))).status).toBe(201);
  });

  it("refuses a solution once its challenge has expired, by the app's clock", async () => {
    const pow = await solvedOnSwitchedOnSite();
    t.now.value = new Date(t.now.value.getTime() + CHALLENGE_MS + 1000);
    expect((await post(inquiryBody({ pow }))).status).toBe(403);
  });

  it('takes a solution once for its whole life, across any boundary of the clock', async () => {
    t = await createTestApp();
    // Issued at 08:05: valid until 08:15, across 08:10.
    t.now.value = new Date(t.now.value.getTime() + 5 * 60_000);
    await t.store.updateSite(await siteId(), { proofOfWork: 'on' });
    const { challenge: c } = await challenge();
    if (!c) throw new Error('no challenge');
    const pow = await solve(c);
    expect((await post(inquiryBody({ pow }))).status).toBe(201);
    t.now.value = new Date(t.now.value.getTime() + 6 * 60_000);
    expect((await post(inquiryBody({ pow }))).status).toBe(403);
  });

  it('when switched off, is never asked for, even under a flood', async () => {
    t = await createTestApp({ floodPerMinute: 1 });
    await t.store.updateSite(await siteId(), { proofOfWork: 'off' });
    for (let i = 0; i < 3; i++) expect((await post(inquiryBody())).status).toBe(201);
    expect((await challenge()).required).toBe(false);
  });
});

describe('proof-of-work and a repeated Idempotency-Key', () => {
  const postWithKey = (body: unknown, key: string) =>
    t.app.request('/api/v1/sites/demo/inquiries', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
      body: JSON.stringify(body),
    });

  it('answers a retry of a stored inquiry again, whatever proof it carries', async () => {
    const pow = await solvedOnSwitchedOnSite();
    const first = await postWithKey(inquiryBody({ pow }), 'send-1');
    expect(first.status).toBe(201);
    const created = (await first.json()) as { id: string };
    // The first answer was lost: the widget sends the same inquiry with the same key, with the
    // spent solution, with none, or with a fresh one.
    const { challenge: c } = await challenge();
    if (!c) throw new Error('no challenge');
    const fresh = await solve(c);
    const before = await rowCounts(t.db);
    for (const retry of [{ pow }, {}, { pow: fresh }]) {
      const again = await postWithKey(inquiryBody(retry), 'send-1');
      expect(again.status).toBe(201);
      expect(((await again.json()) as { id: string }).id).toBe(created.id);
    }
    expect(await rowCounts(t.db)).toEqual(before);
    // The fresh solution was not spent on the retry.
    expect((await post(inquiryBody({ pow: fresh, email: 'next@buyer.example' }))).status).toBe(201);
  });

  it('still refuses another inquiry under a used key', async () => {
    const pow = await solvedOnSwitchedOnSite();
    expect((await postWithKey(inquiryBody({ pow }), 'send-2')).status).toBe(201);
    const other = await postWithKey(inquiryBody({ message: 'Something else entirely.' }), 'send-2');
    expect(other.status).toBe(422);
  });
});
