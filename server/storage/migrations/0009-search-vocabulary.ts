import type { Kysely, Migration } from 'kysely';
import { createVocabulary, dropVocabulary } from './full-text';

// The words of the text index (full-text.ts), for searches that replace a prefix by the
// indexed words it begins: an FTS5 vocabulary table on SQLite, a lexeme table on PostgreSQL.
export const searchVocabulary: Migration = {
  async up(db: Kysely<unknown>) {
    await createVocabulary(db);
  },
  async down(db: Kysely<unknown>) {
    await dropVocabulary(db);
  },
};
