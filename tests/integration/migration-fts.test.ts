import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateTo, migrateToLatest, migrationState } from '../../server/storage/migrate';
import { postgresSearch } from '../../server/storage/postgres';
import { sqliteSearch } from '../../server/storage/sqlite';
import { sendInquiry } from '../support/inbox-client';
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
async function found(query: string, names: Record<string, string>): Promise<string[]> {
  const search = t.engine === 'postgres' ? postgresSearch : sqliteSearch;
  const prepared = await search.prepare(t.db, query);
  if (!prepared) throw new Error(`no words in ${query}`);
  const rows = await t.db.selectFrom('inquiries').select('id').where(prepared.filter).execute();
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
    expect(await found('closedword', names)).toEqual(['old']);

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

    await migrateTo(t.db, '0012-fts-secure-delete');
    expect(await found('person', names)).toEqual(['new', 'old']);
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
    expect((await migrationState(t.db)).pending).toEqual(['0013-search-text']);
    expect(await found('keptname', names)).toEqual(['kept']);

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
