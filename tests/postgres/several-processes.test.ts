import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InquiryCreated } from '../../contract';
import { hashPassword } from '../../server/auth/passwords';
import { inquiryBody } from '../support/inquiry-body';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { openSse, type SseClient } from '../support/sse-client';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// Three real server processes on one PostgreSQL schema, behind one public address as a load
// balancer would put them, all delivering mail to one SMTP sink.

const PUBLIC_URL = 'http://liaison.test';
const SECRET_KEY = 'several-processes-secret-several-processes';
const IP_LIMIT = 8;
let db: TestDatabase;
let sink: SmtpSink;
let servers: ServerProcess[];
let cookie: string;

beforeAll(async () => {
  db = await createTestDatabase('postgres');
  sink = await startSmtpSink();
  const env = {
    DATABASE_URL: db.url,
    SECRET_KEY,
    PUBLIC_URL,
    SMTP_URL: sink.url,
    OUTBOX_POLL_MS: '50',
    RATE_LIMIT_IP_PER_MINUTE: String(IP_LIMIT),
  };
  // The first seeds the demo site; the others start on a seeded database.
  const first = await startServerProcess(env);
  servers = [first, ...(await Promise.all([startServerProcess(env), startServerProcess(env)]))];
  const moore = await db.store.findRepByEmail('moore.liu@example.com');
  await db.store.setPasswordHash(moore?.id ?? '', await hashPassword('password-123'));
  cookie = await signIn(servers[2]!);
}, 90_000);
afterAll(async () => {
  for (const s of servers ?? []) await s.stop();
  await sink?.close();
  await db?.close();
});

const server = (i: number) => servers[i % servers.length]!;

async function signIn(s: ServerProcess): Promise<string> {
  const res = await fetch(`${s.url}/api/inbox/auth/password`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: PUBLIC_URL },
    body: JSON.stringify({ email: 'moore.liu@example.com', password: 'password-123' }),
  });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')?.split(';')[0] ?? '';
}

async function post(s: ServerProcess, path: string, body: unknown, headers = {}) {
  return fetch(`${s.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

async function sendInquiry(s: ServerProcess, n: number): Promise<InquiryCreated> {
  const res = await post(s, '/api/v1/sites/demo/inquiries', inquiryBody({ name: `Buyer ${n}` }));
  expect(res.status).toBe(201);
  return (await res.json()) as InquiryCreated;
}

const inbox = (s: ServerProcess) =>
  openSse(`${s.url}/api/inbox/events`, { Cookie: cookie, Origin: PUBLIC_URL });
const is = (type: string, inquiryId: string) => (e: unknown) =>
  JSON.stringify(e) === JSON.stringify({ type, inquiryId });

// Waits until the outbox is empty: every delivery sent by one of the processes.
async function outboxDrained(): Promise<number> {
  for (let i = 0; i < 300; i++) {
    const states = await db.db.selectFrom('deliveries').select('state').execute();
    if (states.length > 0 && states.every((d) => d.state === 'sent')) return states.length;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the outbox did not drain');
}

describe('three server processes on one PostgreSQL', () => {
  let inboxes: SseClient[] = [];
  afterAll(() => inboxes.forEach((c) => c.close()));

  it('sends every mail once and brings every live update to clients on the other processes', async () => {
    inboxes = await Promise.all(servers.map(inbox));

    // Inquiries through every process: each process's inbox stream hears all of them.
    const sent: InquiryCreated[] = [];
    for (let i = 0; i < 6; i++) sent.push(await sendInquiry(server(i), i));
    for (const { id } of sent) {
      for (const stream of inboxes) await stream.waitFor(is('inquiry', id));
    }

    // The visitor of each inquiry watches on one process; the rep answers on another, and
    // the visitor writes back on a third, which the inbox on the first hears.
    for (const [i, { id, token }] of sent.entries()) {
      const visitor = await openSse(`${server(i).url}/api/v1/conversations/${token}/events`);
      const reply = await post(
        server(i + 1),
        `/api/inbox/inquiries/${id}/messages`,
        { body: `Dear buyer ${i}, USD 12.50 FOB.`, kind: 'reply' },
        { Cookie: cookie, Origin: PUBLIC_URL },
      );
      expect(reply.status).toBe(201);
      await visitor.waitFor((e) => JSON.stringify(e) === '{"type":"message"}');
      visitor.close();
      const answer = await post(server(i + 2), `/api/v1/conversations/${token}/messages`, {
        body: `Thanks, please send the pro forma invoice ${i}.`,
      });
      expect(answer.status).toBe(201);
      await inboxes[i % 3]!.waitFor(is('message', id));
    }

    // Every delivery (rep notifications, acknowledgements, replies) is sent, each mail once.
    const deliveries = await outboxDrained();
    await new Promise((r) => setTimeout(r, 500));
    const ids = sink.mails.map((m) => m.messageId);
    expect(ids).toHaveLength(deliveries);
    expect(new Set(ids).size).toBe(deliveries);
    expect(deliveries).toBeGreaterThanOrEqual(6 * 3);
  }, 120_000);

  it('keeps a session and a rate limit across the processes', async () => {
    for (const s of servers) {
      const me = await fetch(`${s.url}/api/inbox/me`, { headers: { Cookie: cookie } });
      expect(me.status).toBe(200);
    }
    // Six inquiries came from this address this minute; keep clear of a window's end.
    if (Date.now() % 60_000 > 50_000) await new Promise((r) => setTimeout(r, 11_000));
    const statuses: number[] = [];
    for (let i = 0; i < IP_LIMIT + 2; i++) {
      const res = await post(server(i), '/api/v1/sites/demo/inquiries', inquiryBody());
      statuses.push(res.status);
    }
    const allowed = statuses.filter((s) => s === 201).length;
    expect(allowed).toBeLessThanOrEqual(IP_LIMIT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(IP_LIMIT + 2 - allowed);
    expect(statuses.at(-1)).toBe(429);
  }, 60_000);
});
