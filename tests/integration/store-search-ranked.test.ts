import { describe, expect, it } from 'vitest';
import { inquiryListQueries } from '../../server/storage/inquiry-list-queries';
import type { SearchAdapter } from '../../server/storage/search';
import { sqliteSearch } from '../../server/storage/sqlite';
import { sendInquiry } from '../support/inbox-client';
import { createTestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-database';

// SQLite's search reads its text index in list order (migration 0014), a batch at a time, each
// batch one statement. An inquiry that moves down the list between two batches (a rep answers
// it) is read twice; the page lists it once.

describe.runIf(TEST_ENGINE === 'sqlite')('a search reading the text index in list order', () => {
  it('lists an inquiry once when it moves down the list between two reads', async () => {
    const t = await createTestApp({ ipPerMinute: 100, sitePerMinute: 100 });
    try {
      const ids: string[] = [];
      for (let k = 0; k < 16; k++) {
        t.now.value = new Date(Date.parse('2026-11-29T08:00:00.000Z') + k * 60_000);
        ids.push((await sendInquiry(t, { message: `Dupword inquiry number ${k}, please.` })).id);
      }
      const [oldest, newest] = [ids[0] ?? '', ids[15] ?? ''];
      for (const id of [oldest, newest]) await t.store.updateInquiry(id, { status: 'open' });
      const siteId = (await t.store.findSiteByKey('demo'))?.id ?? '';

      // After the first batch (4 x the page: 12 of the 16), the newest is answered.
      let reads = 0;
      const answering: SearchAdapter = {
        async prepare(db, query) {
          const prepared = await sqliteSearch.prepare(db, query);
          const ranked = prepared?.ranked;
          if (!prepared || !ranked) throw new Error('no ranked plan');
          return {
            ...prepared,
            async ranked(below, count) {
              const read = await ranked(below, count);
              if (reads++ === 0) {
                await t.store.updateInquiry(newest, {
                  awaitingReply: false,
                  lastActivityAt: '2026-11-29T10:00:00.000Z',
                });
              }
              return read;
            },
          };
        },
      };
      const page = await inquiryListQueries(t.db, answering).listInquiries(
        { siteId },
        { search: 'dupword', status: 'open', limit: 3 },
      );
      expect(reads).toBe(2);
      expect(page.map((i) => i.id)).toEqual([newest, oldest]);
    } finally {
      await t.close();
    }
  });
});
