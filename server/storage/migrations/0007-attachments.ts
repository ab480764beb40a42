import { sql, type Kysely, type Migration } from 'kysely';
import { engineOf } from './engine';

// The visitors' files: uploaded just before their inquiry, which then claims them. The bytes
// live in the database (BLOB / bytea): one backup holds everything, and any server process
// can serve any file.
export const attachments: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('attachments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
      .addColumn('inquiry_id', 'text', (c) => c.references('inquiries.id'))
      .addColumn('filename', 'text', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('data', engineOf(db) === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('attachments_inquiry')
      .on('attachments')
      .columns(['inquiry_id'])
      .execute();
    // The hourly purge of files no inquiry claimed.
    await db.schema
      .createIndex('attachments_unclaimed')
      .on('attachments')
      .columns(['created_at'])
      .where(sql.ref('inquiry_id'), 'is', null)
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('attachments').execute();
  },
};
