import { sql, type Kysely, type Migration } from 'kysely';
import { createFullText, dropFullText } from './full-text';

// Accounts, sessions and sign-in throttling for the inbox; conversation tokens; what the inbox
// list sorts and filters by; and the full-text index (FTS5 or tsvector: full-text.ts).
export const conversations: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('reps')
      .addColumn('role', 'text', (c) => c.notNull().defaultTo('rep'))
      .execute();
    await db.schema.alterTable('reps').addColumn('password_hash', 'text').execute();
    // Reps sign in by email alone, so an address belongs to one account across all sites.
    await db.schema.createIndex('reps_email_unique').on('reps').column('email').unique().execute();

    await db.schema
      .createTable('sessions')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('rep_id', 'text', (c) => c.notNull().references('reps.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('sign_in_links')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('rep_id', 'text', (c) => c.notNull().references('reps.id'))
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();

    await db.schema
      .createTable('throttles')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('window_start', 'text', (c) => c.notNull())
      .addColumn('locked_until', 'text')
      .execute();

    await db.schema
      .createTable('conversation_tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('inquiry_id', 'text', (c) => c.notNull().references('inquiries.id'))
      .addColumn('party', 'text', (c) => c.notNull())
      .addColumn('rep_id', 'text', (c) => c.references('reps.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema
      .createIndex('conversation_tokens_inquiry')
      .on('conversation_tokens')
      .columns(['inquiry_id', 'party'])
      .execute();

    await db.schema
      .alterTable('messages')
      .addColumn('channel', 'text', (c) => c.notNull().defaultTo('widget'))
      .execute();

    await db.schema
      .alterTable('inquiries')
      .addColumn('unread', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema
      .alterTable('inquiries')
      .addColumn('awaiting_reply', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.alterTable('inquiries').addColumn('last_activity_at', 'text').execute();
    await sql`update inquiries set last_activity_at = created_at`.execute(db);
    // The inbox list: one scope (a rep's or a whole site's), awaiting first, newest first.
    for (const scope of ['site_id', 'rep_id']) {
      await db.schema
        .createIndex(`inquiries_${scope}_list`)
        .on('inquiries')
        .columns([scope, 'awaiting_reply desc', 'last_activity_at desc', 'id desc'])
        .execute();
      await db.schema
        .createIndex(`inquiries_${scope}_status_list`)
        .on('inquiries')
        .columns([scope, 'status', 'awaiting_reply desc', 'last_activity_at desc', 'id desc'])
        .execute();
    }

    // Unread counts (the tab title) read only the unread rows.
    await db.schema
      .createIndex('inquiries_unread')
      .on('inquiries')
      .columns(['site_id', 'rep_id'])
      .where(sql.ref('unread'), '=', 1)
      .execute();

    await createFullText(db);
  },

  async down(db: Kysely<unknown>) {
    await dropFullText(db);
    for (const t of ['conversation_tokens', 'throttles', 'sign_in_links', 'sessions']) {
      await db.schema.dropTable(t).execute();
    }
  },
};
