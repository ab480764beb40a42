import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inboxRequest, sendInquiry, signInAsDemoAdmin } from '../support/inbox-client';
import { createTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-database';

// PostgreSQL's tsvector holds at most 1 MB of distinct words. A thread that reaches it keeps
// taking messages (stored, not indexed) instead of failing each with a 500.

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

describe('an inquiry whose text document is full (PostgreSQL)', () => {
  it.runIf(TEST_ENGINE === 'postgres')('still takes a reply, unindexed', async () => {
    const inquiry = await sendInquiry(t, { message: 'Please quote fifty gate valves, DN80.' });
    // 16,375 words of 64 bytes: 1,048,000 of the 1,048,576 bytes a tsvector may hold.
    await sql`update inquiry_search set document = array_to_tsvector(array(
        select lpad(g::text, 64, 'w') from generate_series(1, 16375) g))
      where inquiry_id = ${inquiry.id}`.execute(t.db);
    const newWords = Array.from({ length: 10 }, (_, i) => `${'z'.repeat(63)}${i}`).join(' ');
    const cookie = await signInAsDemoAdmin(t);
    const res = await inboxRequest(t, cookie, 'POST', `/inquiries/${inquiry.id}/messages`, {
      kind: 'reply',
      body: `Our offer: ${newWords}`,
    });
    expect(res.status).toBe(201);
    const messages = await t.store.listMessages(inquiry.id);
    expect(messages.some((m) => m.body.startsWith('Our offer:'))).toBe(true);
  });
});
