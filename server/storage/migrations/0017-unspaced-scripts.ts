import { sql, type Kysely } from 'kysely';
import type { TellingMigration } from '../migrate';
import { indexAgain } from '../search-index';
import { RESPLIT_BLOCKS } from '../search-text';
import { engineOf } from './engine';

// Thai, Lao, Khmer and Myanmar are written without spaces between words. Until now a run of
// their letters was one word in the text index, so a word inside a sentence was not found;
// search-text.ts now makes each letter a word, as for Chinese. This indexes again the inquiries
// whose fields or messages hold such letters (found by Unicode block; the rest keep their
// documents), on both engines. On SQLite the word list's entries holding them go first, and
// the new documents list their words again. Stopped halfway, it runs whole again: the set is
// read from the inquiries, not the index. Down keeps the new split: the words are the same
// elsewhere, and an older release finds these inquiries by a single letter, not by a word.

/** One of the letters, as a bracket expression of GLOB and of PostgreSQL's regular expressions. */
const LETTER = `[${RESPLIT_BLOCKS.map(([from, to]) => `${String.fromCodePoint(from)}-${String.fromCodePoint(to)}`).join('')}]`;

/** The inquiries holding one of the letters in an indexed field or a message, by id. */
async function inquiriesWithLetters(db: Kysely<unknown>): Promise<string[]> {
  const holds =
    engineOf(db) === 'postgres'
      ? (column: string) => sql`${sql.ref(column)} ~ ${LETTER}`
      : (column: string) => sql`${sql.ref(column)} glob ${`*${LETTER}*`}`;
  const fields = [
    'visitor_name',
    'visitor_email',
    'visitor_company',
    'visitor_country',
    'visitor_phone',
    'products',
  ].map(holds);
  const { rows } = await sql<{ id: string }>`
    select id from inquiries where ${sql.join(fields, sql` or `)}
    union
    select inquiry_id as id from messages where author_kind <> 'system' and ${holds('body')}
    order by id`.execute(db);
  return rows.map((r) => r.id);
}

export const unspacedScripts: TellingMigration = {
  async up(db: Kysely<unknown>, tell = () => {}) {
    // (7 s for a million inquiries on SQLite here.)
    tell('looking for inquiries in Thai, Lao, Khmer or Myanmar');
    const ids = await inquiriesWithLetters(db);
    if (ids.length === 0) return;
    tell(`indexing again ${ids.length} inquiries in Thai, Lao, Khmer or Myanmar`);
    if (engineOf(db) === 'sqlite') {
      await sql`delete from search_words where word glob ${`*${LETTER}*`}`.execute(db);
    }
    // As the index was then: no scope words yet (0026).
    await indexAgain(db, ids, (done) => tell(`${done} of ${ids.length} indexed`), '0014');
  },
  async down() {},
};
