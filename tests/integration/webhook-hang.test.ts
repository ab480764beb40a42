import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServerProcess } from '../support/server-process';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { inquiryBody } from '../support/test-app';
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from '../support/test-database';

// A webhook receiver that takes calls and never answers (each call waits its 10 s timeout)
// must not hold up the reps' mail (the two go out through workers of their own), nor the
// calls to other webhooks (each webhook's calls are a lane of their own).

const KEY: Record<string, string> =
  TEST_ENGINE === 'postgres' ? { SECRET_KEY: 'webhook-test-secret-webhook-test-secret' } : {};
let db: TestDatabase;
let sink: SmtpSink;
let silent: Server;
let answering: Server;
const sockets = new Set<Socket>();
/** The bodies the answering receiver got, with when. */
const answered: { at: number; body: string }[] = [];
beforeAll(async () => {
  db = await createTestDatabase();
  sink = await startSmtpSink();
  silent = createServer(() => {});
  silent.on('connection', (socket) => sockets.add(socket));
  answering = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      answered.push({ at: Date.now(), body });
      res.end('ok');
    });
  });
  for (const server of [silent, answering]) {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  }
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
  await new Promise((resolve) => answering.close(resolve));
  await sink.close();
  await db.close();
});

it("mails the rep and calls other webhooks at once while a webhook's receiver hangs", async () => {
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
  // Listed first, so that its calls come first among rows due together.
  for (const [id, server] of [
    ['wh-silent', silent],
    ['wh-answering', answering],
  ] as const) {
    await db.store.createWebhook({
      id,
      siteId: site?.id ?? '',
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
      format: 'standard',
      events: ['inquiry.created'],
      secret: `whsec_${Buffer.from('a webhook secret of 32 bytes!!!!').toString('base64')}`,
      active: true,
      createdAt: new Date().toISOString(),
    });
  }

  const server = await startServerProcess(env);
  try {
    const emails = ['one', 'two', 'three'].map((n) => `${n}@buyer.example`);
    const sentAt = Date.now();
    const ids: string[] = [];
    for (const email of emails) {
      const res = await fetch(`${server.url}/api/v1/sites/demo/inquiries`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(inquiryBody({ email })),
      });
      expect(res.status).toBe(201);
      ids.push(((await res.json()) as { id: string }).id);
    }
    // One worker for both took each hung call in turn before the mail queued after it: the
    // third inquiry's mail came after 20-30 s.
    for (const email of emails) {
      await sink.waitFor((m) => (m.text ?? '').includes(`Email: ${email}`), 8_000);
    }
    expect(sockets.size).toBeGreaterThan(0);
    expect(sink.mails.filter((m) => (m.text ?? '').includes('Email: ')).length).toBe(3);
    // The other webhook has every event well before the hung call's 10 s timeout: sent one
    // row at a time, its second waited for the first silent call's timeout, its third for two.
    await expect.poll(() => answered.length, { timeout: 8_000 }).toBe(3);
    for (const id of ids) expect(answered.some((a) => a.body.includes(id))).toBe(true);
    expect(Math.max(...answered.map((a) => a.at)) - sentAt).toBeLessThan(8_000);
  } finally {
    await server.stop();
  }
}, 60_000);
