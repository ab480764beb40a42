import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateTo, migrateToLatest } from '../../server/storage/migrate';
import { tsvectorOf } from '../../server/storage/search-text';
import { sendInquiry } from '../support/inbox-client';
import { foundBySearch } from '../support/search-found';
import { createTestApp, type TestApp } from '../support/test-app';

// Migration 0017: inquiries indexed when a run of Thai, Lao, Khmer or Myanmar letters was one
// word are indexed again, letter by letter, and found by a word inside a sentence; the word
// list loses the old long words; inquiries without such letters keep their documents.

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

const found = (query: string, names: Record<string, string>) =>
  foundBySearch(t, query, names, () => 'demo');

/** Replaces an inquiry's document by these words, as an earlier release split them. */
async function writeDocument(
  id: string,
  { visitor = ['buyer'], company = [], products = [], body = [] }: Record<string, string[]>,
) {
  if (t.engine === 'postgres') {
    const { literal } = tsvectorOf([visitor, company, products, body]);
    await sql`update inquiry_search set document = ${literal}::tsvector
      where inquiry_id = ${id}`.execute(t.db);
    return;
  }
  await sql`update inquiries_fts set visitor = ${visitor.join(' ')}, company = ${company.join(' ')},
      products = ${products.join(' ')}, body = ${body.join(' ')}
    where rowid = (select search_rank from inquiries where id = ${id})`.execute(t.db);
  await sql`insert or ignore into search_words (word)
    select value from json_each(${JSON.stringify([...visitor, ...company, ...products, ...body])})`.execute(
    t.db,
  );
}

/** Which of `words` the word list (the engine's) holds. */
async function listed(words: string[]): Promise<string[]> {
  const { rows } =
    t.engine === 'postgres'
      ? await sql<{ word: string }>`select distinct term as word from inquiry_search_terms
          where term = any(${words}::text[])`.execute(t.db)
      : await sql<{ word: string }>`select word from search_words
          where word in (select value from json_each(${JSON.stringify(words)}))`.execute(t.db);
  return rows.map((r) => r.word).sort();
}

const OLD_WORDS = ['ขายปั๊มน้ำ', 'ราคา', 'โปรดเสนอราคาให้ด้วย', 'ម៉ាស៊ីនបូមទឹក', 'ရေစုပ်စက်'];

describe('migration 0017 (letters of unspaced scripts as words)', () => {
  it('indexes again the inquiries holding them, and only those', async () => {
    const ascii = 'Please quote fifty valves';
    const th = await sendInquiry(t, {
      email: 'somchai@buyer.example',
      message: 'ขายปั๊มน้ำ ราคา โปรดเสนอราคาให้ด้วย',
    });
    // The letters in one field only, the message in ASCII: found by the inquiry's columns.
    const km = await sendInquiry(t, {
      email: 'km@buyer.example',
      company: 'ម៉ាស៊ីនបូមទឹក',
      message: ascii,
    });
    const lo = await sendInquiry(t, {
      email: 'lo@buyer.example',
      product: { name: 'ປໍ້ານ້ຳ' },
      message: ascii,
    });
    const my = await sendInquiry(t, { email: 'my@buyer.example', name: 'ရေစုပ်စက်', message: ascii });
    // Myanmar Extended-C (Unicode 16), beyond the main block.
    const pao = await sendInquiry(t, {
      email: 'pao@buyer.example',
      name: '\u{116D1}\u{116D2}',
      message: ascii,
    });
    const en = await sendInquiry(t, { email: 'ed@buyer.example', message: ascii });
    const names = {
      [th.id]: 'th',
      [km.id]: 'km',
      [lo.id]: 'lo',
      [my.id]: 'my',
      [pao.id]: 'pao',
      [en.id]: 'en',
    };
    await migrateTo(t.db, '0016-north-america');
    // As an earlier release indexed them; the last inquiry's document is marked, to show that
    // it is not written again.
    const words = ascii.toLowerCase().split(' ');
    await writeDocument(th.id, { body: ['ขายปั๊มน้ำ', 'ราคา', 'โปรดเสนอราคาให้ด้วย'] });
    await writeDocument(km.id, { company: ['ម៉ាស៊ីនបូមទឹក'], body: words });
    await writeDocument(lo.id, { products: ['ປໍ້ານ້ໍາ'], body: words });
    await writeDocument(my.id, { visitor: ['ရေစုပ်စက်'], body: words });
    await writeDocument(pao.id, { visitor: ['\u{116D1}\u{116D2}'], body: words });
    await writeDocument(en.id, { body: [...words, 'handword'] });
    expect(await found('ปั๊ม', names)).toEqual([]);
    expect(await found('\u{116D2}', names)).toEqual([]);
    expect(await listed(OLD_WORDS)).toEqual([...OLD_WORDS].sort());

    await migrateToLatest(t.db);
    for (const query of ['ปั๊ม', 'ปั๊มน้ำ', 'น้ำ', 'ขายปั๊มน้ำ ราคา', 'เสนอราคา']) {
      expect(await found(query, names), query).toEqual(['th']);
    }
    expect(await found('มปั๊', names)).toEqual([]);
    expect(await found('បូមទឹក', names)).toEqual(['km']);
    expect(await found('ນ້ຳ', names)).toEqual(['lo']);
    expect(await found('စုပ်', names)).toEqual(['my']);
    expect(await found('\u{116D2}', names)).toEqual(['pao']);
    expect(await found('handword', names)).toEqual(['en']);
    expect(await listed(OLD_WORDS)).toEqual([]);
    expect(await listed(['ปั๊', 'ม'])).toEqual(['ปั๊', 'ม'].sort());
  });
});
