import type { Kysely, Migration } from 'kysely';
import { engineOf } from './engine';

// Reply statistics credit the rep who wrote the first reply, timed from when that rep got the
// inquiry: grouped by the rep an inquiry has now and timed from its arrival, they blamed a rep
// handed a late inquiry (on escalation, say) for the wait before it, and credited nobody for
// an answer given before a reassignment. Set with the first reply from this release on; null
// for earlier ones, which are counted as before.
async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('inquiries').addColumn('first_reply_rep_id', 'text').execute();
  await db.schema.alterTable('inquiries').addColumn('first_reply_from', 'text').execute();
}

async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('inquiries').dropColumn('first_reply_from').execute();
  await db.schema.alterTable('inquiries').dropColumn('first_reply_rep_id').execute();
}

export const firstReplyRep: Migration = {
  // In one transaction: Kysely runs SQLite's migrations without one, and a run stopped between
  // the two columns could not start again. PostgreSQL's run in one already.
  async up(db: Kysely<unknown>) {
    if (engineOf(db) === 'postgres') await up(db);
    else await db.transaction().execute(up);
  },
  async down(db: Kysely<unknown>) {
    if (engineOf(db) === 'postgres') await down(db);
    else await db.transaction().execute(down);
  },
};
