import type { Kysely, Migration } from 'kysely';

// Privacy: how long a site keeps closed inquiries, and the consent text each visitor saw.
export const privacy: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('sites').addColumn('retention_days', 'integer').execute();
    await db.schema.alterTable('inquiries').addColumn('consent_text', 'text').execute();
    await db.schema
      .createIndex('inquiries_site_status_activity')
      .on('inquiries')
      .columns(['site_id', 'status', 'last_activity_at'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('inquiries_site_status_activity').execute();
  },
};
