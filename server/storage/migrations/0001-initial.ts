import type { Kysely, Migration } from 'kysely';

// Migrations see an untyped Kysely: they describe the schema at their own point in time.
export const initial: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('sites')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('key', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('allowed_origins', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('default_rep_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('reps')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
      .addColumn('handle', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('title', 'text')
      .addColumn('photo_url', 'text')
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('reps_site_handle_unique', ['site_id', 'handle'])
      .addUniqueConstraint('reps_site_email_unique', ['site_id', 'email'])
      .execute();

    await db.schema
      .createTable('inquiries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
      .addColumn('rep_id', 'text', (c) => c.references('reps.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('visitor_name', 'text')
      .addColumn('visitor_email', 'text', (c) => c.notNull())
      .addColumn('visitor_company', 'text')
      .addColumn('visitor_country', 'text')
      .addColumn('visitor_phone', 'text')
      .addColumn('quantity', 'double precision')
      .addColumn('unit', 'text')
      .addColumn('products', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('page_url', 'text')
      .addColumn('page_referrer', 'text')
      .addColumn('page_language', 'text')
      .addColumn('page_timezone', 'text')
      .addColumn('assignment_reason', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('inquiries_site_created')
      .on('inquiries')
      .columns(['site_id', 'created_at'])
      .execute();

    await db.schema
      .createTable('messages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('inquiry_id', 'text', (c) => c.notNull().references('inquiries.id'))
      .addColumn('author_kind', 'text', (c) => c.notNull())
      .addColumn('author_rep_id', 'text', (c) => c.references('reps.id'))
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('messages_inquiry_created')
      .on('messages')
      .columns(['inquiry_id', 'created_at'])
      .execute();

    await db.schema
      .createTable('deliveries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text')
      .execute();
    await db.schema
      .createIndex('deliveries_due')
      .on('deliveries')
      .columns(['state', 'next_attempt_at'])
      .execute();
  },

  async down(db: Kysely<unknown>) {
    for (const table of ['deliveries', 'messages', 'inquiries', 'reps', 'sites']) {
      await db.schema.dropTable(table).execute();
    }
  },
};
