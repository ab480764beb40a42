import type { Kysely, Migration } from 'kysely';

// Webhooks per site: where to POST which events, in which format, signed with which secret.
// The same DDL on both engines (text, integer); events are a JSON array of event types.
export const webhooks: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('webhooks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('events', 'text', (c) => c.notNull())
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('webhooks_site').on('webhooks').columns(['site_id']).execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('webhooks').execute();
  },
};
