import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inboxRequest, sendInquiry, signInAsDemoAdmin } from '../support/inbox-client';
import { createTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-database';
import { postgresSearch } from '../../server/storage/postgres';

// PostgreSQL's tsvector holds at most 1 MB (its words and their positions). A thread that reaches
// it keeps taking messages (stored, not indexed) instead of failing each with a 500.

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

describe('an inquiry whose text document is full (PostgreSQL)', () => {
  it.runIf(TEST_ENGINE === 'postgres')('still takes replies, indexed while they fit', async () => {
    const inquiry = await sendInquiry(t, { message: 'Please quote fifty gate valves, DN80.' });
    // 87,000 words of 8 bytes at a position each: 12 bytes a word to PostgreSQL, 1,044,000 of
    // the 1,048,575 a tsvector may hold (its words' 696,000 bytes alone look far from full).
    await sql`update inquiry_search set document = (select string_agg(
        lpad(g::text, 8, 'w') || ':' || least(g, 16383), ' ')::tsvector
        from generate_series(1, 87000) g)
      where inquiry_id = ${inquiry.id}`.execute(t.db);
    const cookie = await signInAsDemoAdmin(t);
    const reply = async (body: string) => {
      const res = await inboxRequest(t, cookie, 'POST', `/inquiries/${inquiry.id}/messages`, {
        kind: 'reply',
        body,
      });
      expect(res.status).toBe(201);
    };
    const found = async (query: string) => {
      const prepared = await postgresSearch.prepare(t.db, query);
      if (!prepared) throw new Error(`no words in ${query}`);
      return (await prepared.candidates(10)) ?? [];
    };
    await reply('Our offer: fitsword, thank you.');
    expect(await found('fitsword')).toEqual([inquiry.id]);
    // 70 new words of 64 bytes: 4,760 bytes more, past the limit.
    const newWords = Array.from({ length: 70 }, (_, i) => `${'z'.repeat(62)}${10 + i}`);
    await reply(`Our offer: ${newWords.join(' ')}`);
    const messages = await t.store.listMessages(inquiry.id);
    expect(messages.some((m) => m.body.includes(newWords[0] ?? '?'))).toBe(true);
    expect(await found(newWords[0] ?? '?')).toEqual([]);
    expect(await found('fitsword')).toEqual([inquiry.id]);
  });
});
