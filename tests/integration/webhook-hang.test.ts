import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServerProcess } from '../support/server-process';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { inquiryBody } from '../support/test-app';
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from '../support/test-database';

// A webhook receiver that takes calls and never answers (each call waits its 10 s timeout)
// must not hold up the reps' mail: the two go out through workers of their own.

const KEY: Record<string, string> =
  TEST_ENGINE === 'postgres' ? { SECRET_KEY: 'webhook-test-secret-webhook-test-secret' } : {};
let db: TestDatabase;
let sink: SmtpSink;
let silent: Server;
const sockets = new Set<Socket>();
beforeAll(async () => {
  db = await createTestDatabase();
  sink = await startSmtpSink();
  silent = createServer(() => {});
  silent.on('connection', (socket) => sockets.add(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
  await sink.close();
  await db.close();
});

it("mails the rep at once while a webhook's receiver hangs", async () => {
  const env = {
    DATABASE_URL: db.url,
    ...KEY,
    SMTP_URL: sink.url,
    OUTBOX_POLL_MS: '50',
    WEBHOOKS_ALLOW_PRIVATE: '1',
  };
  // The first start seeds the demo site; its webhook is stored as the admin API would.
  await (await startServerProcess(env)).stop();
  const site = await db.store.findSiteByKey('demo');
  await db.store.createWebhook({
    id: 'wh-silent',
    siteId: site?.id ?? '',
    url: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/hook`,
    format: 'standard',
    events: ['inquiry.created'],
    secret: `whsec_${Buffer.from('a webhook secret of 32 bytes!!!!').toString('base64')}`,
    active: true,
    createdAt: new Date().toISOString(),
  });

  const server = await startServerProcess(env);
  try {
    const emails = ['one', 'two', 'three'].map((n) => `${n}@buyer.example`);
    for (const email of emails) {
      const res = await fetch(`${server.url}/api/v1/sites/demo/inquiries`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(inquiryBody({ email })),
      });
      expect(res.status).toBe(201);
    }
    // One worker for both took each hung call in turn before the mail queued after it: the
    // third inquiry's mail came after 20-30 s.
    for (const email of emails) {
      await sink.waitFor((m) => (m.text ?? '').includes(`Email: ${email}`), 8_000);
    }
    expect(sockets.size).toBeGreaterThan(0);
    expect(sink.mails.filter((m) => (m.text ?? '').includes('Email: ')).length).toBe(3);
  } finally {
    await server.stop();
  }
}, 60_000);
