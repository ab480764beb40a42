import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateTo, migrateToLatest } from '../../server/storage/migrate';
import { sendInquiry } from '../support/inbox-client';
import { createTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-database';

// Migration 0018: a file mailed with a reply before it goes with that reply (matched by the
// time both were stored); a file sent with the inquiry stays the inquiry's own.

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

describe('migration 0018 (files of their message)', () => {
  it('gives a mailed file its message, leaves the inquiry its own, and goes down', async () => {
    const { id } = await sendInquiry(t);
    const inquiry = await t.db
      .selectFrom('inquiries')
      .select(['siteId', 'createdAt'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    await migrateTo(t.db, '0017-unspaced-scripts');
    const later = new Date(Date.parse(inquiry.createdAt) + 60_000).toISOString();
    const message = (messageId: string, authorKind: 'visitor' | 'system') => ({
      id: messageId,
      inquiryId: id,
      authorKind,
      authorRepId: null,
      body: 'The drawing.',
      channel: 'email' as const,
      createdAt: later,
    });
    // A system line of the same moment is no file's message.
    await t.db.insertInto('messages').values(message('m-a-system', 'system')).execute();
    await t.db.insertInto('messages').values(message('m-reply', 'visitor')).execute();
    const file = (fileId: string, createdAt: string) => ({
      id: fileId,
      siteId: inquiry.siteId,
      inquiryId: id,
      filename: `${fileId}.pdf`,
      contentType: 'application/pdf',
      size: 3,
      data: new Uint8Array([1, 2, 3]),
      createdAt,
    });
    const uploaded = new Date(Date.parse(inquiry.createdAt) - 5_000).toISOString();
    // As releases before 0018 stored them (no message_id column yet).
    await t.db
      .insertInto('attachments')
      .values([file('f-own', uploaded), file('f-mailed', later), file('f-lone', later + 'x')])
      .execute();

    await migrateToLatest(t.db);
    const files = await t.store.listAttachments(id);
    expect(files.map((f) => [f.id, f.messageId])).toEqual([
      ['f-own', null],
      ['f-mailed', 'm-reply'],
      ['f-lone', null],
    ]);

    await migrateTo(t.db, '0017-unspaced-scripts');
    const kept = await t.db.selectFrom('attachments').select('id').orderBy('id').execute();
    expect(kept.map((f) => f.id)).toEqual(['f-lone', 'f-mailed', 'f-own']);
  });

  it.runIf(TEST_ENGINE === 'sqlite')(
    'stopped halfway on SQLite, leaves no column behind and runs whole the next time',
    async () => {
      await sendInquiry(t);
      await migrateTo(t.db, '0017-unspaced-scripts');
      await sql`create trigger fail_files before update on attachments
        begin select raise(abort, 'stopped'); end`.execute(t.db);
      await sql`insert into attachments (id, site_id, inquiry_id, filename, content_type, size, data,
          created_at) select 'f-1', site_id, id, 'a.pdf', 'application/pdf', 1, x'00', '9999'
        from inquiries`.execute(t.db);
      await expect(migrateToLatest(t.db)).rejects.toThrow(/stopped/);
      await sql`drop trigger fail_files`.execute(t.db);
      await migrateToLatest(t.db);
      expect(
        (
          await t.store.listAttachments(
            (await t.db.selectFrom('inquiries').select('id').executeTakeFirstOrThrow()).id,
          )
        ).map((f) => f.messageId),
      ).toEqual([null]);
    },
  );
});
