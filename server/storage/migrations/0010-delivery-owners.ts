import { sql, type Kysely, type Migration } from 'kysely';
import { engineOf } from './engine';

// Whose a delivery is: its site and, when it is about one, its inquiry, as columns. Before,
// both were only inside the JSON payload, so a site's undelivered list and an inquiry's
// deletion matched payload text. Rows already stored get them from their payload: the
// inquiry it names (`inquiryId`), and the site of that inquiry, of the rep it names (`repId`,
// sign-in links) or the one it names itself (`siteId`: webhook tests, notices). A row naming
// none of them, or an inquiry since deleted, keeps nulls and is no site's.
export const deliveryOwners: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('deliveries').addColumn('site_id', 'text').execute();
    await db.schema.alterTable('deliveries').addColumn('inquiry_id', 'text').execute();
    // JSON differs per engine; the payload is always a JSON object (outbox-queries.ts). One
    // pass, over the rows that name an owner at all.
    const field = (name: string) =>
      engineOf(db) === 'postgres'
        ? sql`(payload::json ->> ${sql.lit(name)})`
        : sql`json_extract(payload, ${sql.lit(`$.${name}`)})`;
    const inquiry = sql`(select i.id from inquiries i where i.id = ${field('inquiryId')})`;
    await sql`update deliveries set
        inquiry_id = ${inquiry},
        site_id = coalesce(
          (select i.site_id from inquiries i where i.id = ${field('inquiryId')}),
          (select r.site_id from reps r where r.id = ${field('repId')}),
          (select s.id from sites s where s.id = ${field('siteId')}))
      where payload like '%"inquiryId"%' or payload like '%"repId"%'
        or payload like '%"siteId"%'`.execute(db);
    await db.schema
      .createIndex('deliveries_site_state')
      .on('deliveries')
      .columns(['site_id', 'state', 'created_at'])
      .execute();
    await db.schema
      .createIndex('deliveries_inquiry')
      .on('deliveries')
      .columns(['inquiry_id'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('deliveries_inquiry').execute();
    await db.schema.dropIndex('deliveries_site_state').execute();
    await db.schema.alterTable('deliveries').dropColumn('inquiry_id').execute();
    await db.schema.alterTable('deliveries').dropColumn('site_id').execute();
  },
};
