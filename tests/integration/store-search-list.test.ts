import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/demo-seed';
import type { Inquiry, InquiryStatus } from '../../server/storage/store';
import { seedInquiries } from '../bench/seed-inquiries';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// The inbox's search through listInquiries, page by page, against the same search done by
// hand over the seeded rows. 3,000 inquiries make every path run: a page filled within the
// first rows of the list (common words), the text index's few matches (rare ones), its many
// matches with the list walked (past SELECTIVE_SEARCH), and none at all.

const COUNT = 3000;
let database: TestDatabase;
let siteId: string;
let all: Inquiry[];
const bodies = new Map<string, string>();

beforeAll(async () => {
  database = await createTestDatabase();
  const rep = await seedDemo(database.store, 'http://localhost:8787');
  if (!rep) throw new Error('seed failed');
  siteId = rep.siteId;
  await seedInquiries(database.db, {
    siteId,
    repId: rep.id,
    count: COUNT,
    batch: 500,
    progress: () => {},
  });
  all = [];
  let after: Inquiry | undefined;
  for (;;) {
    const page = await database.store.listInquiries({ siteId }, { limit: 500, after });
    if (page.length === 0) break;
    all.push(...page);
    after = page.at(-1);
  }
  const messages = await database.db.selectFrom('messages').select(['inquiryId', 'body']).execute();
  for (const m of messages) bodies.set(m.inquiryId, m.body);
}, 120_000);
afterAll(async () => {
  await database?.close();
});

// Every word of the query starts a word of the inquiry (the adapters' prefix terms).
function matches(inquiry: Inquiry, query: string): boolean {
  const text = [
    inquiry.visitor.name,
    inquiry.visitor.email,
    inquiry.visitor.company,
    ...inquiry.products.map((p) => p.name),
    bodies.get(inquiry.id),
  ].join(' ');
  const words = text.toLowerCase().split(/[^a-z0-9]+/);
  return query
    .toLowerCase()
    .split(/\s+/)
    .every((term) => words.some((w) => w.startsWith(term)));
}

async function searchAll(query: string, status?: InquiryStatus, limit = 25): Promise<string[]> {
  const found: string[] = [];
  let after: Inquiry | undefined;
  for (let pages = 0; pages < 400; pages++) {
    const page = await database.store.listInquiries(
      { siteId },
      { search: query, limit, after, ...(status && { status }) },
    );
    found.push(...page.map((i) => i.id));
    if (page.length < limit) return found;
    after = page.at(-1);
  }
  throw new Error('too many pages');
}

describe('search in the inbox list at 3,000 inquiries', () => {
  it.each([
    ['rhein'],
    ['quote'],
    ['buyer1'],
    ['buyer2999'],
    ['order 1'],
    ['seawater flange'],
    ['pumpen seawater'],
    ['nothing-like-this'],
  ])('%s: every match, in list order, page by page', async (query) => {
    const expected = all.filter((i) => matches(i, query)).map((i) => i.id);
    expect(await searchAll(query)).toEqual(expected);
  });

  it('with a status, and in larger pages', async () => {
    const expected = all
      .filter((i) => i.status === 'closed' && matches(i, 'buyer1'))
      .map((i) => i.id);
    expect(await searchAll('buyer1', 'closed')).toEqual(expected);
    expect(await searchAll('valve', undefined, 100)).toEqual(
      all.filter((i) => matches(i, 'valve')).map((i) => i.id),
    );
  });
});
