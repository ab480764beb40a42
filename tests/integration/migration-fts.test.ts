import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateTo, migrateToLatest, migrationState } from '../../server/storage/migrate';
import { searchRank } from '../../server/storage/migrations/0014-search-rank';
import { searchWords } from '../../server/storage/migrations/0015-search-words';
import { sendInquiry } from '../support/inbox-client';
import { foundBySearch } from '../support/search-found';
import { createTestApp, type TestApp } from '../support/test-app';

// Migrations 0012 and 0013 on a database with inquiries already in the text index, as an
// earlier release wrote it: what they say stays found (and, after 0013, by any word of it:
// 阀门 inside a sentence, "cafe" for "Café"), their system lines leave it, and new inquiries are
// indexed once. Down and up again.

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

/** The inquiries a search finds, by the visitor names given. */
const found = (query: string, names: Record<string, string>) => foundBySearch(t, query, names);

/**
 * The inquiries an index of an earlier release finds by one word: on SQLite before 0014, the
 * FTS5 row is at the inquiry's rowid, which the store's search no longer reads.
 */
async function foundBefore0014(word: string, names: Record<string, string>): Promise<string[]> {
  if (t.engine === 'postgres') return found(word, names);
  const { rows } = await sql<{ id: string }>`select i.id from inquiries i
    where i.rowid in (select rowid from inquiries_fts where inquiries_fts match ${word})`.execute(
    t.db,
  );
  return rows.map((r) => names[r.id] ?? r.id).sort();
}

async function systemLine(inquiryId: string, body: string) {
  await t.db
    .insertInto('messages')
    .values({
      id: `system-${inquiryId}`,
      inquiryId,
      authorKind: 'system',
      authorRepId: null,
      body,
      channel: 'inbox',
      createdAt: t.now.value.toISOString(),
    })
    .execute();
}

describe('migrations 0012 and 0013 (the text index)', () => {
  it('keep what earlier inquiries say, drop their system lines, and survive down and up', async () => {
    const old = await sendInquiry(t, {
      name: 'Oldname Person',
      email: 'old@oldco.example',
      company: 'Oldco',
      message: 'Oldmessage: please quote fifty gate valves. 我们需要不锈钢阀门。 Café',
      product: { name: 'Seawater Pump', sku: 'SP-100' },
    });
    const names: Record<string, string> = { [old.id]: 'old' };
    // As a release before 0012 indexed it, with a system line its trigger indexed too.
    await migrateTo(t.db, '0011-team-turns');
    await systemLine(old.id, 'Status changed to closedword by Mr. Moore Liu');
    expect(await foundBefore0014('closedword', names)).toEqual(['old']);

    await migrateToLatest(t.db);
    for (const word of ['oldname', 'oldco', 'oldmessage', 'old@oldco', 'sp-100', 'cafe', '阀门']) {
      expect(await found(word, names), word).toEqual(['old']);
    }
    // Not the system line, nor the product's JSON keys.
    for (const word of ['closedword', 'name', 'sku']) {
      expect(await found(word, names), word).toEqual([]);
    }
    const fresh = await sendInquiry(t, {
      name: 'Newname Person',
      email: 'new@newco.example',
      company: 'Newco',
      message: 'Newmessage: please quote ten ball valves.',
      product: { name: 'Gizmoprod', sku: 'GZ-1' },
    });
    names[fresh.id] = 'new';
    for (const word of ['newname', 'newco', 'newmessage', 'gizmoprod']) {
      expect(await found(word, names), word).toEqual(['new']);
    }

    await migrateTo(t.db, '0013-search-text');
    expect(await foundBefore0014('person', names)).toEqual(['new', 'old']);
    expect(await foundBefore0014('gizmoprod', names)).toEqual(['new']);
    await migrateTo(t.db, '0012-fts-secure-delete');
    expect(await foundBefore0014('person', names)).toEqual(['new', 'old']);
    await migrateTo(t.db, '0011-team-turns');
    await migrateToLatest(t.db);
    expect(await found('person', names)).toEqual(['new', 'old']);
    expect(await found('阀门', names)).toEqual(['old']);
  });
});

describe('migration 0013 stopped halfway', () => {
  it('leaves the database as it was, and runs whole on the next start', async () => {
    const kept = await sendInquiry(t, {
      name: 'Keptname Person',
      message: 'Please quote fifty gate valves.',
    });
    const names: Record<string, string> = { [kept.id]: 'kept' };
    await migrateTo(t.db, '0012-fts-secure-delete');
    // A row the rebuild cannot read, met after others were indexed.
    const broken = await sendInquiryAt0012(kept.id);
    await expect(migrateToLatest(t.db)).rejects.toThrow();
    expect((await migrationState(t.db)).pending).toEqual([
      '0013-search-text',
      '0014-search-rank',
      '0015-search-words',
      '0016-north-america',
      '0017-unspaced-scripts',
      '0018-message-files',
      '0019-visitor-email-case',
      '0020-handed-at',
      '0021-first-reply-rep',
      '0022-delivery-lanes',
      '0023-config-version',
      '0024-trigger-search-path',
      '0025-search-list-place',
      '0026-search-scope',
    ]);
    expect(await foundBefore0014('keptname', names)).toEqual(['kept']);

    await t.db.updateTable('inquiries').set({ products: '[]' }).where('id', '=', broken).execute();
    await migrateToLatest(t.db);
    expect(await found('keptname', names)).toEqual(['kept']);
    expect(await found('brokenname', names)).toEqual([broken]);
  });
});

/** A copy of inquiry `id` stored at 0012 (its triggers index it) with unreadable products. */
async function sendInquiryAt0012(id: string): Promise<string> {
  const row = await t.db
    .selectFrom('inquiries')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const copy = `${id}-broken`;
  await t.db
    .insertInto('inquiries')
    .values({ ...row, id: copy, visitorName: 'Brokenname Person', products: '[{"name":' })
    .execute();
  return copy;
}

describe('migration 0014 (SQLite: the text index in list order)', () => {
  it('ranks inquiries as the list orders them, ties by id, and goes down and up', async () => {
    if (t.engine === 'postgres') return; // nothing to do there
    const siteId = (await t.store.findSiteByKey('demo'))?.id ?? '';
    const ids: string[] = [];
    for (const k of [0, 1, 2, 3, 4, 5]) {
      t.now.value = new Date(Date.parse('2026-11-29T08:00:00.000Z') + k * 60_000);
      ids.push(
        (
          await sendInquiry(t, {
            name: `Rankname${k} Person`,
            message: 'Please quote ranked valves for us.',
          })
        ).id,
      );
    }
    await migrateTo(t.db, '0013-search-text');
    // Three at one instant (the list orders them by id), one answered (not awaiting a reply).
    const tied = '2026-11-29T09:00:00.000Z';
    await t.db
      .updateTable('inquiries')
      .set({ lastActivityAt: tied })
      .where('id', 'in', [ids[1], ids[3], ids[4]] as string[])
      .execute();
    await t.db
      .updateTable('inquiries')
      .set({ awaitingReply: 0 })
      .where('id', '=', ids[0] as string)
      .execute();
    await migrateToLatest(t.db);

    const listed = async () =>
      (await t.store.listInquiries({ siteId }, { limit: 50 })).map((i) => i.id);
    const searched = async (limit: number) => {
      const found: string[] = [];
      let after;
      for (;;) {
        const page = await t.store.listInquiries({ siteId }, { search: 'valves', limit, after });
        found.push(...page.map((i) => i.id));
        if (page.length < limit) return found;
        after = page.at(-1);
      }
    };
    const order = await listed();
    expect(order).toHaveLength(6);
    expect(await searched(50)).toEqual(order);
    expect(await searched(2)).toEqual(order);
    const { rows } = await sql<{ rank: number; id: string }>`select search_rank as rank, id
      from inquiries order by search_rank desc`.execute(t.db);
    expect(new Set(rows.map((r) => r.rank)).size).toBe(6);
    // By rank, the list's order but for the tied ones among themselves.
    expect(rows.map((r) => r.id).filter((id) => ![ids[1], ids[3], ids[4]].includes(id))).toEqual(
      order.filter((id) => ![ids[1], ids[3], ids[4]].includes(id)),
    );

    await migrateTo(t.db, '0013-search-text');
    expect(await foundBefore0014('rankname3', {})).toEqual([ids[3]]);
    await migrateToLatest(t.db);
    expect(await searched(2)).toEqual(order);
    expect(await found('rankname3', {})).toEqual([ids[3]]);
  });
});

describe('migrations 0014 and 0015 stopped after their commit, before the migrator recorded them', () => {
  it('run again on the next start, without harm', async () => {
    if (t.engine === 'postgres') return; // nothing to do there
    const sent = await sendInquiry(t, { name: 'Rerunname Person' });
    const names = { [sent.id]: 'sent' };
    await migrateTo(t.db, '0013-search-text');
    await searchRank.up(t.db);
    await migrateToLatest(t.db);
    expect(await found('rerunname', names)).toEqual(['sent']);
    await migrateTo(t.db, '0014-search-rank');
    await searchWords.up(t.db);
    await migrateToLatest(t.db);
    expect(await found('rerunname', names)).toEqual(['sent']);
  });
});
