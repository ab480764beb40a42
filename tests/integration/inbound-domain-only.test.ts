import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServerProcess } from '../support/server-process';
import { addressOf, startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { inquiryBody } from '../support/test-app';
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from '../support/test-database';

// Several processes, one of them receiving replies (SMTP_INBOUND_PORT): any of them may send a
// mail from the outbox, so each gives it the same reply address from INBOUND_DOMAIN alone.
// Before, a process without the port sent mail whose replies went around the thread.

const KEY: Record<string, string> =
  TEST_ENGINE === 'postgres' ? { SECRET_KEY: 'inbound-domain-secret-inbound-domain' } : {};
let db: TestDatabase;
let sink: SmtpSink;
beforeAll(async () => {
  db = await createTestDatabase();
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
  await db.close();
});

it('gives mail a reply+TOKEN address on a process that does not receive replies', async () => {
  const server = await startServerProcess({
    DATABASE_URL: db.url,
    ...KEY,
    SMTP_URL: sink.url,
    OUTBOX_POLL_MS: '50',
    INBOUND_DOMAIN: 'reply.example.com',
  });
  try {
    const res = await fetch(`${server.url}/api/v1/sites/demo/inquiries`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(inquiryBody({ email: 'jane@buyer.example' })),
    });
    expect(res.status).toBe(201);
    const toRep = await sink.waitFor((m) => (m.text ?? '').includes('Email: jane@buyer.example'));
    expect(addressOf(toRep.replyTo)).toMatch(/^reply\+[\w-]+@reply\.example\.com$/);
  } finally {
    await server.stop();
  }
}, 60_000);
