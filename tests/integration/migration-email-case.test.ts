import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteVisitor } from '../../server/domain/privacy';
import { migrateTo, migrateToLatest } from '../../server/storage/migrate';
import { sendInquiry } from '../support/inbox-client';
import { createTestApp, type TestApp } from '../support/test-app';

// Migration 0019: a visitor email stored before emails were kept lower-case is found by the
// lookups, which ask lower-case: an erasure takes it too.

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

describe('migration 0019', () => {
  it('writes emails stored in the case typed lower-case, so that an erasure finds them', async () => {
    const { id } = await sendInquiry(t, { email: 'jane@buyer.example' });
    const site = await t.store.findSiteByKey('demo');
    await migrateTo(t.db, '0018-message-files');
    // As a release before 0005's stored it.
    await sql`update inquiries set visitor_email = 'Jane@Buyer.example' where id = ${id}`.execute(
      t.db,
    );
    expect(await t.store.inquiryIdsOfVisitor(site?.id ?? '', 'jane@buyer.example')).toEqual([]);
    await migrateToLatest(t.db);
    expect(await deleteVisitor(t.store, site?.id ?? '', 'Jane@Buyer.example')).toBe(1);
    expect(await t.store.findInquiry(id)).toBeNull();
  });
});
