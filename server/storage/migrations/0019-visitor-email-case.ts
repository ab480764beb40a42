import { sql, type Kysely, type Migration } from 'kysely';

// Visitor emails have been stored lower-case since migration 0005's release, and are looked up
// lower-case (a visitor's export and erasure, a returning buyer's rep); those stored before
// it kept the case they were typed in, and no lookup found them: an erasure left them behind.
// This writes them lower-case too (the emails the form takes are ASCII, which both engines'
// `lower` folds alike). Down keeps them so: the case typed is not known any more.
export const visitorEmailCase: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`update inquiries set visitor_email = lower(visitor_email)
      where visitor_email <> lower(visitor_email)`.execute(db);
  },
  async down() {},
};
