import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { inquiryListQueries } from '../../server/storage/inquiry-list-queries';
import { sendInquiry } from '../support/inbox-client';
import { watchingRanked } from '../support/ranked-reads';
import { createTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-database';

// SQLite's search reads its text index in list order (migration 0014), a batch at a time, each
// batch one statement. An inquiry that moves down the list between two batches (a rep answers
// it) is read twice; the page lists it once.

/** `count` inquiries a minute apart, each saying `word`; their ids, oldest first. */
async function sendMinutesApart(t: TestApp, count: number, word: string): Promise<string[]> {
  const ids: string[] = [];
  for (let k = 0; k < count; k++) {
    t.now.value = new Date(Date.parse('2026-11-29T08:00:00.000Z') + k * 60_000);
    ids.push((await sendInquiry(t, { message: `${word} inquiry number ${k}, please.` })).id);
  }
  return ids;
}

/** Runs `test` on an app of its own. */
async function withApp(test: (t: TestApp) => Promise<void>): Promise<void> {
  const t = await createTestApp({ ipPerMinute: 100, sitePerMinute: 100 });
  try {
    await test(t);
  } finally {
    await t.close();
  }
}

describe.runIf(TEST_ENGINE === 'sqlite')('a search reading the text index in list order', () => {
  it('lists an inquiry once when it moves down the list between two reads', () =>
    withApp(async (t) => {
      const ids = await sendMinutesApart(t, 16, 'Dupword');
      const [oldest, newest] = [ids[0] ?? '', ids[15] ?? ''];
      for (const id of [oldest, newest]) await t.store.updateInquiry(id, { status: 'open' });
      const siteId = (await t.store.findSiteByKey('demo'))?.id ?? '';

      // After the first batch (4 x the page: 12 of the 16), the newest is answered.
      let reads = 0;
      const answering = watchingRanked(async () => {
        if (reads++ === 0) {
          await t.store.updateInquiry(newest, {
            awaitingReply: false,
            lastActivityAt: '2026-11-29T10:00:00.000Z',
          });
        }
      });
      const page = await inquiryListQueries(t.db, answering).listInquiries(
        { siteId },
        { search: 'dupword', status: 'open', limit: 3 },
      );
      expect(reads).toBe(2);
      expect(page.map((i) => i.id)).toEqual([newest, oldest]);
    }));

  it('keeps each inquiry at its rank in the text index, however it changes', () =>
    withApp(async (t) => {
      // Every inquiry's row at its rank, and no other row.
      const unmatched = async () => {
        const { rows } = await sql<{ n: number }>`select
            (select count(*) from inquiries i
              where not exists (select 1 from inquiries_fts f where f.rowid = i.search_rank))
          + (select count(*) from inquiries_fts f
              where not exists (select 1 from inquiries i where i.search_rank = f.rowid)) as n`.execute(
          t.db,
        );
        return Number(rows[0]?.n);
      };
      const ids: string[] = [];
      for (let k = 0; k < 4; k++) ids.push((await sendInquiry(t)).id);
      const [a, b, c, d] = ids as [string, string, string, string];
      let sent = 0;
      const at = (s: number) => new Date(Date.parse('2026-11-29T09:00:00.000Z') + s * 1000);
      const message = (inquiryId: string, authorKind: 'visitor' | 'rep' | 'system', s: number) => ({
        message: {
          id: `m-${(sent += 1)}`,
          inquiryId,
          authorKind,
          authorRepId: null,
          body: authorKind === 'system' ? 'Status changed' : `Message number ${s}`,
          channel: 'widget' as const,
          createdAt: at(s).toISOString(),
        },
        patch: { lastActivityAt: at(s).toISOString(), awaitingReply: authorKind === 'visitor' },
        deliveries: [],
      });
      const rankOf = async (id: string) =>
        (await t.db.selectFrom('inquiries').selectAll().where('id', '=', id).executeTakeFirst())
          ?.searchRank;
      await t.store.addMessage(message(a, 'visitor', 1));
      const ranked = await rankOf(a);
      // Again at the same instant, still awaiting a reply: the same place, no move.
      await t.store.addMessage(message(a, 'visitor', 1));
      expect(await rankOf(a)).toBe(ranked);
      await t.store.addMessage(message(b, 'rep', 2));
      await t.store.addMessage(message(c, 'system', 3));
      await t.store.updateInquiry(d, { awaitingReply: false, status: 'closed' });
      // A row written by hand, without a rank: the triggers give it one.
      const row = await t.db
        .selectFrom('inquiries')
        .selectAll()
        .where('id', '=', a)
        .executeTakeFirstOrThrow();
      await t.db
        .insertInto('inquiries')
        .values({ ...row, id: `${a}-copy`, searchRank: null })
        .execute();
      await t.db
        .updateTable('inquiries')
        .set({ lastActivityAt: at(9).toISOString() })
        .where('id', '=', `${a}-copy`)
        .execute();
      expect(await unmatched()).toBe(1); // the copy has no text index row: nobody indexed it
      await t.store.deleteInquiries([`${a}-copy`, d]);
      expect(await unmatched()).toBe(0);
      const siteId = (await t.store.findSiteByKey('demo'))?.id ?? '';
      const found = await t.store.listInquiries({ siteId }, { search: 'message', limit: 10 });
      expect(found.map((i) => i.id)).toEqual([a, b]);
    }));

  it("finds in a rep's own list only their inquiries", () =>
    withApp(async (t) => {
      const ids = await sendMinutesApart(t, 6, 'Scopeword');
      // Every other one taken from the rep (to the unassigned queue).
      for (const id of ids.filter((_, k) => k % 2))
        await t.store.updateInquiry(id, { repId: null });
      const rep = await t.store.findRepByEmail('moore.liu@example.com');
      if (!rep) throw new Error('no rep');
      const page = await t.store.listInquiries(
        { siteId: rep.siteId, repId: rep.id },
        { search: 'scopeword', limit: 10 },
      );
      expect(page.map((i) => i.id)).toEqual(ids.filter((_, k) => k % 2 === 0).reverse());
    }));
});
