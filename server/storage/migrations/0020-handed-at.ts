import { sql, type Kysely, type Migration } from 'kysely';
import { inOneTransaction } from './engine';

// The promise of a first reply runs from when the inquiry reached its rep, not from when it
// arrived: an inquiry held as spam for a day and then let through ("Not spam"), or handed to
// another rep near its deadline, was escalated (and taken away again) within a minute, before
// its rep could read it. `handed_at` is set then; null means when it arrived (`created_at`),
// so no row is written here. The escalation scan's index follows the same expression.
const HANDED = sql`coalesce(handed_at, created_at)`;

async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('inquiries').addColumn('handed_at', 'text').execute();
  await db.schema.dropIndex('inquiries_unanswered').execute();
  await db.schema
    .createIndex('inquiries_unanswered')
    .on('inquiries')
    .expression(HANDED)
    .where((eb) =>
      eb.and([eb(sql.ref('first_reply_at'), 'is', null), eb(sql.ref('escalated_at'), 'is', null)]),
    )
    .execute();
}

async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('inquiries_unanswered').execute();
  await db.schema
    .createIndex('inquiries_unanswered')
    .on('inquiries')
    .columns(['created_at'])
    .where((eb) =>
      eb.and([eb(sql.ref('first_reply_at'), 'is', null), eb(sql.ref('escalated_at'), 'is', null)]),
    )
    .execute();
  await db.schema.alterTable('inquiries').dropColumn('handed_at').execute();
}

export const handedAt: Migration = {
  up: (db: Kysely<unknown>) => inOneTransaction(db, up),
  down: (db: Kysely<unknown>) => inOneTransaction(db, down),
};
