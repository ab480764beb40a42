import { sql, type Kysely, type Migration } from 'kysely';
import { engineOf } from './engine';

// PostgreSQL: the word list's trigger functions (full-text.ts createVocabulary, 0012) name
// their tables unqualified, and ran with the writer's search_path: a write of `inquiry_search`
// (a deleted inquiry's cascade included) over a connection with another one (psql with the
// default `public`, another installation's process on the same database) failed inside the
// trigger, or kept the words in that schema's list. `set search_path from current`, as 0023's
// functions have it: the tables are this schema's whoever writes, as at migration time.
// 0013 dropped the others (inquiry_search_insert, inquiry_search_message). A `create or
// replace` of one of these later drops the setting: it must say it again.
// SQLite: nothing (its triggers name the tables of their own database).

/** The plpgsql functions present at 0023 without a search_path of their own. */
const FUNCTIONS = ['inquiry_search_terms_add', 'inquiry_search_terms_drop'] as const;

export const triggerSearchPath: Migration = {
  async up(db: Kysely<unknown>) {
    if (engineOf(db) !== 'postgres') return;
    for (const name of FUNCTIONS) {
      await sql`alter function ${sql.raw(name)}() set search_path from current`.execute(db);
    }
  },
  async down(db: Kysely<unknown>) {
    if (engineOf(db) !== 'postgres') return;
    for (const name of FUNCTIONS) {
      await sql`alter function ${sql.raw(name)}() reset search_path`.execute(db);
    }
  },
};
