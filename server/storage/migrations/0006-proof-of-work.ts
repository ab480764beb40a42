import type { Kysely, Migration } from 'kysely';

// Proof-of-work (ALTCHA) per site: 'off', 'on', or 'auto' (only while the site is flooded).
export const proofOfWork: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('sites')
      .addColumn('proof_of_work', 'text', (c) => c.notNull().defaultTo('auto'))
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('sites').dropColumn('proof_of_work').execute();
  },
};
