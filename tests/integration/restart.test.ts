import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { InquiryCreated } from '../../contract';
import { createKyselyStore } from '../../server/storage/kysely-store';
import { openSqlite, sqliteSearch } from '../../server/storage/sqlite';
import { addressOf, startSmtpSink } from '../support/smtp-sink';
import { startServerProcess } from '../support/server-process';
import { inquiryBody } from '../support/test-app';

const dir = mkdtempSync(join(tmpdir(), 'liaison-restart-'));
const database = join(dir, 'liaison.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the real server process', () => {
  it('keeps inquiries across a restart, and mail waits in the outbox until SMTP is set', async () => {
    const first = await startServerProcess({ DATABASE_URL: database });
    expect(first.output()).toMatch(/SMTP_URL is not set: mail waits in the outbox/);
    const res = await fetch(`${first.url}/api/v1/sites/demo/inquiries`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(inquiryBody()),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as InquiryCreated;
    expect(await first.stop('SIGTERM')).toBe(0);

    const sink = await startSmtpSink();
    const second = await startServerProcess({
      DATABASE_URL: database,
      SMTP_URL: sink.url,
      OUTBOX_POLL_MS: '50',
    });
    try {
      // The seed did not run again and the inquiry is still there.
      expect(second.output()).not.toMatch(/\[seed\]/);
      const mail = await sink.waitFor((m) => addressOf(m.to) === 'moore.liu@example.com');
      expect(addressOf(mail.to)).toBe('moore.liu@example.com');
    } finally {
      await second.stop();
      await sink.close();
    }

    const db = openSqlite(database);
    const inquiry = await createKyselyStore(db, sqliteSearch).findInquiry(id);
    await db.destroy();
    expect(inquiry?.visitor.email).toBe('jane@buyer.example');
  });

  it('refuses to start on a bad setting and names it', async () => {
    await expect(
      startServerProcess({ DATABASE_URL: database, SMTP_URL: 'mail.example.com' }),
    ).rejects.toThrow(/SMTP_URL/);
  });
});

describe('start-up', () => {
  it('refuses a site whose inquiries would reach nobody, saying how to fix it', async () => {
    const empty = join(dir, 'nobody.sqlite');
    const first = await startServerProcess({ DATABASE_URL: empty });
    await first.stop();
    const db = openSqlite(empty);
    const store = createKyselyStore(db, sqliteSearch);
    const moore = await store.findRepByEmail('moore.liu@example.com');
    await store.setRepActive(moore?.id ?? '', false);
    await db.destroy();
    await expect(startServerProcess({ DATABASE_URL: empty })).rejects.toThrow(
      /Refusing to start: inquiries to "demo" would reach nobody \(no active rep\)[\s\S]*rep add/,
    );
  });
});
