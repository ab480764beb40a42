import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateTo, migrateToLatest } from '../../server/storage/migrate';
import { addRep, sendInquiry } from '../support/inbox-client';
import { createTestApp, PUBLIC_URL, type TestApp } from '../support/test-app';

// Each delivery names its site and, when it is about one, its inquiry, as columns (migration
// 0010). A site's undelivered list and an inquiry's deletion read them; before, both matched
// the JSON payload's text.

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

const owners = async () =>
  (
    await t.db
      .selectFrom('deliveries')
      .select(['kind', 'siteId', 'inquiryId', 'payload'])
      .orderBy('createdAt')
      .orderBy('id')
      .execute()
  ).map(({ payload, ...owner }) => ({ ...owner, payload: JSON.parse(payload) as object }));

describe('deliveries', () => {
  it("are written with their site and inquiry, a sign-in link's with its rep's site", async () => {
    const other = await addRep(t, { email: 'rep@other.example', siteKey: 'other' });
    const otherSite = await t.store.findSiteByKey('other');
    const demo = await t.store.findSiteByKey('demo');
    const sent = await sendInquiry(t);
    const res = await t.app.request('/api/inbox/auth/link', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: PUBLIC_URL },
      body: JSON.stringify({ email: 'rep@other.example' }),
    });
    expect(res.status).toBe(202);

    const rows = await owners();
    expect(rows.map((r) => r.kind).sort()).toEqual(
      ['rep-notification', 'sign-in-link', 'visitor-ack'].sort(),
    );
    for (const row of rows.filter((r) => r.kind !== 'sign-in-link')) {
      expect(row).toMatchObject({ siteId: demo?.id, inquiryId: sent.id });
    }
    expect(rows.find((r) => r.kind === 'sign-in-link')).toMatchObject({
      siteId: otherSite?.id,
      inquiryId: null,
      payload: { repId: other.id },
    });
  });

  it('go with their inquiry when it is deleted, and no other', async () => {
    const kept = await sendInquiry(t, { email: 'kept@buyer.example' });
    const gone = await sendInquiry(t, { email: 'gone@buyer.example' });
    await t.store.deleteInquiries([gone.id]);
    const rows = await owners();
    expect(rows.some((r) => r.inquiryId === gone.id)).toBe(false);
    expect(rows.filter((r) => r.inquiryId === kept.id)).toHaveLength(2);
  });

  it('stored before migration 0010 get their owners from the payload', async () => {
    const demo = await t.store.findSiteByKey('demo');
    const rep = await t.store.findRepByEmail('moore.liu@example.com');
    const sent = await sendInquiry(t);
    await migrateTo(t.db, '0009-search-vocabulary');
    const now = t.now.value.toISOString();
    const older = (n: number, payload: object) =>
      t.db
        .insertInto('deliveries')
        // Without the columns 0010 adds: the table as it was.
        .values({
          id: `older-${n}`,
          kind: 'test',
          payload: JSON.stringify(payload),
          dedupeKey: `older:${n}`,
          state: 'failed',
          nextAttemptAt: now,
          lastError: null,
          createdAt: now,
          sentAt: null,
        } as never)
        .execute();
    await older(1, { messageId: 'm1', inquiryId: sent.id });
    await older(2, { linkId: 'l1', repId: rep?.id });
    await older(3, { siteId: demo?.id, webhookId: 'w1', test: true });
    await older(4, { inquiryId: 'deleted-since', messageId: 'm2' });
    await older(5, { n: 5 });
    await migrateToLatest(t.db);

    const byId = async (id: string) =>
      t.db
        .selectFrom('deliveries')
        .select(['siteId', 'inquiryId'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    expect(await byId('older-1')).toEqual({ siteId: demo?.id, inquiryId: sent.id });
    expect(await byId('older-2')).toEqual({ siteId: demo?.id, inquiryId: null });
    expect(await byId('older-3')).toEqual({ siteId: demo?.id, inquiryId: null });
    expect(await byId('older-4')).toEqual({ siteId: null, inquiryId: null });
    expect(await byId('older-5')).toEqual({ siteId: null, inquiryId: null });
    // The inquiry's own deliveries, made before the step down, got theirs back too.
    const own = (await owners()).filter((r) => r.kind !== 'test');
    expect(own.length).toBeGreaterThan(0);
    for (const row of own) expect(row).toMatchObject({ siteId: demo?.id, inquiryId: sent.id });
  });
});
