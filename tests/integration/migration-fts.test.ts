import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateTo, migrateToLatest } from '../../server/storage/migrate';
import { postgresSearch } from '../../server/storage/postgres';
import { sqliteSearch } from '../../server/storage/sqlite';
import { sendInquiry } from '../support/inbox-client';
import { createTestApp, type TestApp } from '../support/test-app';

// Migration 0012 on a database with inquiries already in the text index: what they say stays
// found, their system lines leave it, and new inquiries are indexed once. Down and up again.

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

describe('migration 0012 (the text index)', () => {
  it('keeps what earlier inquiries say, drops their system lines, and survives down and up', async () => {
    await migrateTo(t.db, '0011-team-turns');
    const old = await sendInquiry(t, {
      name: 'Oldname Person',
      email: 'old@oldco.example',
      company: 'Oldco',
      message: 'Oldmessage: please quote fifty gate valves.',
    });
    await systemLine(old.id, 'Status changed to closedword by Mr. Moore Liu');
    const names: Record<string, string> = { [old.id]: 'old' };
    expect(await found('closedword', names)).toEqual(['old']);

    await migrateToLatest(t.db);
    for (const word of ['oldname', 'oldco', 'oldmessage', 'old@oldco']) {
      expect(await found(word, names), word).toEqual(['old']);
    }
    expect(await found('closedword', names)).toEqual([]);
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

    await migrateTo(t.db, '0011-team-turns');
    await migrateToLatest(t.db);
    expect(await found('person', names)).toEqual(['new', 'old']);
  });
});
