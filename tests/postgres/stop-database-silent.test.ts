import { createServer, type Server, Socket } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort, startServerProcess } from '../support/server-process';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// A stop must end even when PostgreSQL stops answering without closing its connections (a
// network partition, a frozen host): the background work's queries then never return. Before,
// the process outlived SIGTERM until it was killed.

let database: TestDatabase;
let proxy: Server;
let proxyPort: number;
const sockets: Socket[] = [];
let frozen = false;

beforeAll(async () => {
  database = await createTestDatabase('postgres');
  const target = new URL(database.url);
  // A TCP relay to PostgreSQL that can fall silent, keeping every connection open.
  proxy = createServer((client) => {
    const upstream = new Socket();
    sockets.push(client, upstream);
    if (frozen) return;
    upstream.connect(Number(target.port || 5432), target.hostname);
    client.pipe(upstream).pipe(client);
    for (const s of [client, upstream]) s.on('error', () => {});
  });
  proxyPort = await freePort();
  await new Promise<void>((resolve) => proxy.listen(proxyPort, '127.0.0.1', resolve));
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => proxy.close(resolve));
  await database.close();
});

it('exits within its grace period after SIGTERM while the database is silent', async () => {
  const url = new URL(database.url);
  url.host = `127.0.0.1:${proxyPort}`;
  const server = await startServerProcess({
    DATABASE_URL: url.toString(),
    SECRET_KEY: 'stop-silent-secret-stop-silent-secret',
    OUTBOX_POLL_MS: '50',
  });
  // The outbox's next read is sent into the silence, and never answered.
  frozen = true;
  for (const socket of sockets) {
    socket.unpipe();
    socket.pause();
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
  const started = Date.now();
  const exited = server.stop('SIGTERM');
  const outcome = await Promise.race([
    exited.then((code) => ({ code })),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), 20_000)),
  ]);
  if (outcome === null) await server.stop('SIGKILL');
  expect(outcome, server.output()).not.toBeNull();
  expect(Date.now() - started).toBeLessThan(12_000);
  expect(outcome?.code).toBe(1);
  expect(server.output()).toMatch(/did not stop within/);
}, 60_000);
