import { existsSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InquiryCreated } from '../../contract';
import { purgeExpired, type VisitorExport } from '../../server/domain/privacy';
import { inboxRequest, sendInquiry, signInAs, signInAsDemoAdmin } from '../support/inbox-client';
import { createTestApp, inquiryBody, rowCounts, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-database';

let t: TestApp;
let cookie: string;
beforeEach(async () => {
  t = await createTestApp();
  cookie = await signInAsDemoAdmin(t);
});
afterEach(async () => {
  await t.close();
});

const siteId = async () => (await t.store.findSiteByKey('demo'))?.id ?? '';

/** The SQLite file's bytes, and its WAL's, as an operator's copy would hold them. */
async function fileBytes(): Promise<() => string> {
  const { rows } = await sql<{
    file: string;
  }>`select file from pragma_database_list where name = 'main'`.execute(t.db);
  const file = rows[0]?.file ?? '';
  return () =>
    [file, `${file}-wal`]
      .filter((f) => existsSync(f))
      .map((f) => readFileSync(f).toString('latin1'))
      .join('');
}

describe('one visitor’s data', () => {
  it('is exported whole, then deleted whole, leaving other visitors alone', async () => {
    const a = await sendInquiry(t, {
      email: 'jane@buyer.example',
      consent: 'We use your details to answer you.',
    });
    const b = await sendInquiry(t, {
      email: 'Jane@Buyer.example',
      message: 'A second inquiry about gate valves.',
    });
    const other = await sendInquiry(t, { email: 'otto@buyer.example' });
    await inboxRequest(t, cookie, 'POST', `/inquiries/${a.id}/messages`, {
      body: 'Internal: good lead',
      kind: 'note',
    });

    const res = await inboxRequest(t, cookie, 'GET', '/admin/visitor?email=JANE@buyer.example');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Disposition')).toMatch(/attachment/);
    const data = (await res.json()) as VisitorExport;
    expect(data.inquiries.map((i) => i.id).sort()).toEqual([a.id, b.id].sort());
    expect(data.inquiries.find((i) => i.id === a.id)).toMatchObject({
      consentText: 'We use your details to answer you.',
    });
    expect(JSON.stringify(data)).toContain('Internal: good lead');

    const del = await inboxRequest(t, cookie, 'DELETE', '/admin/visitor?email=jane@buyer.example');
    expect(await del.json()).toEqual({ deleted: 2 });
    expect(await t.store.findInquiry(a.id)).toBeNull();
    expect(await t.store.listMessages(a.id)).toEqual([]);
    expect(await t.store.findInquiry(other.id)).not.toBeNull();
    expect(await rowCounts(t.db)).toMatchObject({ inquiries: 1, messages: 1 });
    // Their conversation link no longer opens anything.
    const link = await t.app.request(`/api/v1/conversations/${(a as InquiryCreated).token}`);
    expect(link.status).toBe(404);
  });

  // PostgreSQL's files are the server's; a SQLite file is the operator's, backups included.
  // Few others (one small text index segment) or many (several segments to keep words in);
  // replies rewrite the inquiry's text index row, older versions staying in older segments.
  it.runIf(TEST_ENGINE === 'sqlite').each([
    [2, 0],
    [40, 0],
    [2, 2],
    [10, 3],
  ])(
    'leaves no word of it in the SQLite file once deleted, among %i others each side, after %i replies',
    async (others, replies) => {
      for (let i = 0; i < others; i++) {
        await sendInquiry(t, { email: `other${i}@buyer.example` });
      }
      const jane = await sendInquiry(t, {
        email: 'jane@buyer.example',
        name: 'Jane Quillfeather',
        message: 'Xylophagous beetles ate our pallets: quote 40 steel ones.',
      });
      for (let i = others; i < 2 * others; i++) {
        await sendInquiry(t, { email: `other${i}@buyer.example` });
        if (i - others < replies) {
          const res = await inboxRequest(t, cookie, 'POST', `/inquiries/${jane.id}/messages`, {
            body: `Our price, reply ${i}.`,
            kind: 'reply',
          });
          expect(res.status).toBe(201);
        }
      }
      const bytes = await fileBytes();
      expect(bytes()).toContain('Xylophagous');
      const del = await inboxRequest(
        t,
        cookie,
        'DELETE',
        '/admin/visitor?email=jane@buyer.example',
      );
      expect(await del.json()).toEqual({ deleted: 1 });
      const left = bytes();
      for (const word of ['Xylophagous', 'xylophagous', 'Quillfeather', 'quillfeather']) {
        expect(left.includes(word), word).toBe(false);
      }
    },
  );

  it.runIf(TEST_ENGINE === 'sqlite')(
    'leaves no word in the SQLite file of what the retention period ends',
    async () => {
      for (let i = 0; i < 3; i++) await sendInquiry(t, { email: `other${i}@buyer.example` });
      const old = await sendInquiry(t, {
        email: 'jane@buyer.example',
        name: 'Jane Quillfeather',
        message: 'Xylophagous beetles ate our pallets: quote 40 steel ones.',
      });
      await inboxRequest(t, cookie, 'POST', `/inquiries/${old.id}/messages`, {
        body: 'Our price: USD 12.50 a pallet.',
        kind: 'reply',
      });
      await inboxRequest(t, cookie, 'PATCH', `/inquiries/${old.id}`, { status: 'closed' });
      await t.store.updateSite(await siteId(), { retentionDays: 30 });
      const bytes = await fileBytes();
      expect(bytes()).toContain('Xylophagous');
      expect(await purgeExpired(t.store, new Date(t.now.value.getTime() + 31 * 86_400_000))).toBe(
        1,
      );
      const left = bytes();
      for (const word of ['Xylophagous', 'xylophagous', 'Quillfeather', 'quillfeather']) {
        expect(left.includes(word), word).toBe(false);
      }
    },
  );

  // PostgreSQL's word list spares the planner's common words when a row goes; on a small
  // installation a buyer's own name is one of them.
  it.runIf(TEST_ENGINE === 'postgres')(
    "leaves none of the visitor's words in the word list, common ones included",
    async () => {
      for (let i = 0; i < 20; i++) await sendInquiry(t, { email: `other${i}@buyer.example` });
      await sendInquiry(t, {
        email: 'jane@quillfeather-gmbh.example',
        name: 'Jane Quillfeather',
        message: 'Xylophagous beetles ate our pallets: quote 40 steel ones.',
      });
      await sql`analyze inquiry_search`.execute(t.db);
      const words = async () =>
        (
          await sql<{ term: string }>`select term from inquiry_search_terms
            where term like '%quillfeather%' or term like 'xylophag%'`.execute(t.db)
        ).rows.map((r) => r.term);
      expect(await words()).not.toEqual([]);
      const del = await inboxRequest(
        t,
        cookie,
        'DELETE',
        '/admin/visitor?email=jane@quillfeather-gmbh.example',
      );
      expect(await del.json()).toEqual({ deleted: 1 });
      expect(await words()).toEqual([]);
    },
  );

  it('is for admins only', async () => {
    const { addRep } = await import('../support/inbox-client');
    await addRep(t, { email: 'ana@hengda.example', role: 'rep' });
    const rep = await signInAs(t, 'ana@hengda.example');
    expect(
      (await inboxRequest(t, rep, 'GET', '/admin/visitor?email=jane@buyer.example')).status,
    ).toBe(403);
    expect(
      (await inboxRequest(t, rep, 'DELETE', '/admin/visitor?email=jane@buyer.example')).status,
    ).toBe(403);
  });
});

describe('retention', () => {
  it('deletes closed inquiries past the site’s period, and nothing else', async () => {
    const closed = await sendInquiry(t, { email: 'old@buyer.example' });
    const open = await sendInquiry(t, { email: 'open@buyer.example' });
    await inboxRequest(t, cookie, 'PATCH', `/inquiries/${closed.id}`, { status: 'closed' });
    expect(await purgeExpired(t.store, new Date(t.now.value.getTime() + 400 * 86_400_000))).toBe(0);
    await t.store.updateSite(await siteId(), { retentionDays: 30 });
    expect(await purgeExpired(t.store, new Date(t.now.value.getTime() + 29 * 86_400_000))).toBe(0);
    expect(await purgeExpired(t.store, new Date(t.now.value.getTime() + 31 * 86_400_000))).toBe(1);
    expect(await t.store.findInquiry(closed.id)).toBeNull();
    expect(await t.store.findInquiry(open.id)).not.toBeNull();
  });

  it('deletes an inquiry of a long thread whole (66,000 messages, past either engine’s bound values)', async () => {
    const long = await sendInquiry(t, { email: 'long@buyer.example' });
    const at = t.now.value.toISOString();
    for (let from = 0; from < 66_000; from += 2_000) {
      await t.db
        .insertInto('messages')
        .values(
          Array.from({ length: 2_000 }, (_, i) => ({
            id: `m-long-${from + i}`,
            inquiryId: long.id,
            authorKind: 'system' as const,
            authorRepId: null,
            body: 'Status changed',
            channel: 'inbox' as const,
            createdAt: at,
          })),
        )
        .execute();
    }
    await inboxRequest(t, cookie, 'PATCH', `/inquiries/${long.id}`, { status: 'closed' });
    await t.store.updateSite(await siteId(), { retentionDays: 30 });
    expect(await purgeExpired(t.store, new Date(t.now.value.getTime() + 31 * 86_400_000))).toBe(1);
    expect(await t.store.findInquiry(long.id)).toBeNull();
    expect((await rowCounts(t.db)).messages).toBe(0);
  });

  it('keeps a quiet inquiry a rep has just closed with a note; spam goes like closed', async () => {
    const quiet = await sendInquiry(t, { email: 'quiet@buyer.example' });
    const junk = await sendInquiry(t, { email: 'junk@buyer.example' });
    await inboxRequest(t, cookie, 'PATCH', `/inquiries/${junk.id}`, { status: 'spam' });
    await t.store.updateSite(await siteId(), { retentionDays: 30 });
    const day = 86_400_000;
    const start = t.now.value.getTime();
    // Sixty quiet days later, a rep adds a note and closes it.
    t.now.value = new Date(start + 60 * day);
    const later = await signInAsDemoAdmin(t);
    const noted = await inboxRequest(t, later, 'POST', `/inquiries/${quiet.id}/messages`, {
      body: 'Called them: project postponed to next year.',
      kind: 'note',
    });
    expect(noted.status).toBe(201);
    await inboxRequest(t, later, 'PATCH', `/inquiries/${quiet.id}`, { status: 'closed' });
    expect(await purgeExpired(t.store, new Date(start + 60 * day + 3_600_000))).toBe(1);
    expect(await t.store.findInquiry(junk.id)).toBeNull();
    expect(await t.store.findInquiry(quiet.id)).not.toBeNull();
    expect(await purgeExpired(t.store, new Date(start + 91 * day))).toBe(1);
    expect(await t.store.findInquiry(quiet.id)).toBeNull();
  });

  // PostgreSQL: the purge runs in every process, beside requests on other connections.
  it.runIf(TEST_ENGINE === 'postgres')(
    'leaves an expired inquiry that a visitor is reopening right then',
    async () => {
      const { id } = await sendInquiry(t, { email: 'back@buyer.example' });
      await inboxRequest(t, cookie, 'PATCH', `/inquiries/${id}`, { status: 'closed' });
      await t.store.updateSite(await siteId(), { retentionDays: 30 });
      let commit = () => {};
      const held = new Promise<void>((resolve) => (commit = resolve));
      let writing = () => {};
      const written = new Promise<void>((resolve) => (writing = resolve));
      // The visitor's follow-up, its transaction not yet committed.
      const reopen = t.db.transaction().execute(async (trx) => {
        await trx.updateTable('inquiries').set({ status: 'open' }).where('id', '=', id).execute();
        writing();
        await held;
      });
      await written;
      const purge = purgeExpired(t.store, new Date(t.now.value.getTime() + 31 * 86_400_000));
      await new Promise((resolve) => setTimeout(resolve, 300));
      commit();
      await reopen;
      expect(await purge).toBe(0);
      expect((await t.store.findInquiry(id))?.status).toBe('open');
    },
  );

  it('forgets counters, Idempotency-Keys and sessions once they no longer matter', async () => {
    const res = await t.app.request('/api/v1/sites/demo/inquiries', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'k-1' },
      body: JSON.stringify(inquiryBody()),
    });
    expect(res.status).toBe(201);
    const hours = (n: number) => new Date(t.now.value.getTime() + n * 3_600_000);
    // A sign-in lock-out that outlasts the day.
    await t.db
      .insertInto('throttles')
      .values({
        key: 'signin:locked',
        failures: 10,
        windowStart: t.now.value.toISOString(),
        lockedUntil: hours(48).toISOString(),
      })
      .execute();
    const count = async (table: 'throttles' | 'idempotencyKeys' | 'sessions') =>
      (await t.db.selectFrom(table).selectAll().execute()).length;
    expect(await count('idempotencyKeys')).toBe(1);
    const throttles = await count('throttles');
    expect(throttles).toBeGreaterThan(1);
    expect(await count('sessions')).toBe(1);

    await purgeExpired(t.store, hours(1));
    expect([await count('throttles'), await count('idempotencyKeys')]).toEqual([throttles, 1]);
    await purgeExpired(t.store, hours(25));
    expect(await count('idempotencyKeys')).toBe(1);
    const left = await t.db.selectFrom('throttles').select('key').execute();
    expect(left.map((r) => r.key)).toEqual(['signin:locked']);
    expect(await count('sessions')).toBe(1);
    // A visitor whose answer was lost may come back weeks later: the widget sends again what
    // it kept, under the same key, and must get the first inquiry, not store a second.
    await purgeExpired(t.store, hours(24 * 30));
    expect(await count('idempotencyKeys')).toBe(1);
    await purgeExpired(t.store, hours(24 * 90 + 1));
    expect(await count('idempotencyKeys')).toBe(0);
    await purgeExpired(t.store, hours(24 * 400));
    expect([await count('throttles'), await count('sessions')]).toEqual([0, 0]);
  });
});
