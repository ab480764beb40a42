import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorBody, InquiryCreated, MessageCreated } from '../../contract';
import { createTestApp, inquiryBody, rowCounts, type TestApp } from '../support/test-app';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

const post = (path: string, body: unknown, key?: string) =>
  t.app.request(path, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(key !== undefined && { 'Idempotency-Key': key }),
    },
    body: JSON.stringify(body),
  });
const INQUIRIES = '/api/v1/sites/demo/inquiries';

describe('Idempotency-Key', () => {
  it('answers a repeated inquiry with the first answer and stores nothing new', async () => {
    const first = await post(INQUIRIES, inquiryBody(), 'key-1');
    expect(first.status).toBe(201);
    const created = (await first.json()) as InquiryCreated;
    const before = await rowCounts(t.db);
    const again = await post(INQUIRIES, inquiryBody(), 'key-1');
    expect(again.status).toBe(201);
    expect(await again.json()).toEqual(created);
    expect(await rowCounts(t.db)).toEqual(before);
  });

  it('stores one inquiry when the same key races in twice', async () => {
    const answers = await Promise.all([
      post(INQUIRIES, inquiryBody(), 'race'),
      post(INQUIRIES, inquiryBody(), 'race'),
    ]);
    const bodies = (await Promise.all(answers.map((r) => r.json()))) as InquiryCreated[];
    expect(answers.map((r) => r.status)).toEqual([201, 201]);
    expect(bodies[0]).toEqual(bodies[1]);
    expect((await rowCounts(t.db)).inquiries).toBe(1);
  });

  it('refuses the same key with another body, and a malformed key, storing nothing', async () => {
    await post(INQUIRIES, inquiryBody(), 'key-2');
    const before = await rowCounts(t.db);
    const other = await post(
      INQUIRIES,
      inquiryBody({ message: 'A different message of at least twenty characters.' }),
      'key-2',
    );
    expect(other.status).toBe(422);
    expect(((await other.json()) as ErrorBody).error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const malformed = await post(INQUIRIES, inquiryBody(), 'with space');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as ErrorBody).error.fields).toHaveProperty('Idempotency-Key');
    expect(await rowCounts(t.db)).toEqual(before);
  });

  it('scopes keys per site: another site’s key of the same name is another request', async () => {
    await t.store.createSite({ id: 'site-2', key: 'two', name: 'Two', allowedOrigins: [] });
    expect((await post(INQUIRIES, inquiryBody(), 'shared')).status).toBe(201);
    expect((await post('/api/v1/sites/two/inquiries', inquiryBody(), 'shared')).status).toBe(201);
    expect((await rowCounts(t.db)).inquiries).toBe(2);
  });

  it('answers a repeated follow-up with the first message', async () => {
    const { token } = (await (await post(INQUIRIES, inquiryBody())).json()) as InquiryCreated;
    const path = `/api/v1/conversations/${token}/messages`;
    const first = (await (
      await post(path, { body: 'Any news on the quote?' }, 'f-1')
    ).json()) as MessageCreated;
    const before = await rowCounts(t.db);
    const again = await post(path, { body: 'Any news on the quote?' }, 'f-1');
    expect(again.status).toBe(201);
    expect(await again.json()).toEqual(first);
    expect(await rowCounts(t.db)).toEqual(before);
  });
});
