import type { Kysely, Migration } from 'kysely';
import { inOneTransaction } from './engine';

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
  up: (db: Kysely<unknown>) => inOneTransaction(db, up),
  down: (db: Kysely<unknown>) => inOneTransaction(db, down),
};
