import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InquiryCreated } from '../../contract';
import { addressOf, startSmtpSink } from '../support/smtp-sink';
import { configFileWith } from '../support/config-file';
import { startServerProcess } from '../support/server-process';
import { inquiryBody } from '../support/test-app';
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from '../support/test-database';

// On the engine under test: a SQLite file (the secret is generated beside it), or a
// PostgreSQL schema, which needs SECRET_KEY.
const KEY: Record<string, string> =
  TEST_ENGINE === 'postgres' ? { SECRET_KEY: 'restart-test-secret-restart-test-secret' } : {};
let db: TestDatabase;
let database: string;
beforeAll(async () => {
  db = await createTestDatabase();
  database = db.url;
});
afterAll(async () => {
  await db.close();
});

describe('the real server process', () => {
  // The first process runs the sources (tsx), the second the bundle production runs
  // (dist/server.js, built by `npm run build:server`): the same database serves both.
  it('keeps inquiries across a restart, and mail waits in the outbox until SMTP is set', async () => {
    const first = await startServerProcess({ DATABASE_URL: database, ...KEY });
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
    const second = await startServerProcess(
      { DATABASE_URL: database, ...KEY, SMTP_URL: sink.url, OUTBOX_POLL_MS: '50' },
      { compiled: true },
    );
    try {
      // The seed did not run again and the inquiry is still there.
      expect(second.output()).not.toMatch(/\[seed\]/);
      const mail = await sink.waitFor((m) => addressOf(m.to) === 'moore.liu@example.com');
      expect(addressOf(mail.to)).toBe('moore.liu@example.com');
    } finally {
      await second.stop();
      await sink.close();
    }

    const inquiry = await db.store.findInquiry(id);
    expect(inquiry?.visitor.email).toBe('jane@buyer.example');
  });

  it('refuses to start on a bad setting and names it', async () => {
    await expect(
      startServerProcess({ DATABASE_URL: database, ...KEY, SMTP_URL: 'mail.example.com' }),
    ).rejects.toThrow(/SMTP_URL/);
  });
});

describe('start-up', () => {
  it('refuses a site whose inquiries would reach nobody, saying how to fix it', async () => {
    const empty = await createTestDatabase();
    const env = { DATABASE_URL: empty.url, ...KEY };
    try {
      const first = await startServerProcess(env);
      await first.stop();
      const moore = await empty.store.findRepByEmail('moore.liu@example.com');
      await empty.store.setRepActive(moore?.id ?? '', false);
      await expect(startServerProcess(env)).rejects.toThrow(
        /Refusing to start: inquiries to "demo" would reach nobody \(no active rep\)[\s\S]*rep add/,
      );
      // Active again, but no admin: inquiries no rep can take now would wait unseen.
      await empty.store.setRepActive(moore?.id ?? '', true);
      await empty.store.updateRep(moore?.id ?? '', { role: 'rep' });
      await expect(startServerProcess(env)).rejects.toThrow(
        /Refusing to start: inquiries to "demo" that no rep can take now would wait unseen \(no active admin[\s\S]*--role admin/,
      );
    } finally {
      await empty.close();
    }
  });

  it('seeds no demo site when the config file declares sites of its own', async () => {
    const empty = await createTestDatabase();
    const config = configFileWith({
      sites: [
        {
          key: 'acme',
          name: 'Acme Valves',
          reps: [{ email: 'boss@acme.example', name: 'Ms. Boss', role: 'admin' }],
        },
      ],
    });
    try {
      const server = await startServerProcess({
        DATABASE_URL: empty.url,
        LIAISON_CONFIG: config,
        ...KEY,
      });
      const output = server.output();
      await server.stop();
      expect(output).not.toContain('[seed]');
      expect(await empty.store.findSiteByKey('demo')).toBeNull();
      expect(await empty.store.findSiteByKey('acme')).not.toBeNull();
    } finally {
      await empty.close();
    }
  });
});
