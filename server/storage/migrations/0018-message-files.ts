import { sql, type Kysely, type Migration } from 'kysely';
import { inOneTransaction } from './engine';

// A file mailed with a reply belongs to that message, so the inbox shows it in the thread where
// it came; the files sent with the inquiry (uploaded before it) keep `message_id` null. The
// files mailed before this release are matched to their message by the time both were stored
// (the store writes a message's files with its own time, in its transaction); one matching no
// message stays with the inquiry.
async function addMessageIds(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('attachments')
    .addColumn('message_id', 'text', (c) => c.references('messages.id'))
    .execute();
  await sql`update attachments set message_id = (select m.id from messages m
      where m.inquiry_id = attachments.inquiry_id and m.created_at = attachments.created_at
        and m.author_kind <> 'system'
      order by m.id limit 1)
    where inquiry_id is not null
      and created_at > (select i.created_at from inquiries i where i.id = attachments.inquiry_id)`.execute(
    db,
  );
}

export const messageFiles: Migration = {
  up: (db: Kysely<unknown>) => inOneTransaction(db, addMessageIds),
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('attachments').dropColumn('message_id').execute();
  },
};
