import { createServer, connect, type Socket } from 'node:net';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { LiveEvent } from '../../server/domain/events';
import { openStore, type OpenedStore } from '../../server/storage/open-store';
import {
  createPostgresEventBus,
  type PostgresEventBus,
} from '../../server/storage/postgres-events';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// A LISTEN connection that goes silent without closing, as behind a NAT that forgot it or
// during a failover that drops packets: no reset, no error, just nothing, ever.

let t: TestDatabase;
let other: OpenedStore;
let proxy: SilenceableProxy;
const buses: PostgresEventBus[] = [];

beforeEach(async () => {
  t = await createTestDatabase('postgres');
  other = openStore(t.config);
  proxy = await silenceableProxy(new URL(t.url));
});
afterEach(async () => {
  for (const bus of buses.splice(0)) await bus.close();
  await proxy.close();
  await other.db.destroy();
  await t.close();
});

it('notices a LISTEN connection gone silent, listens again and says events were missed', async () => {
  const lines: string[] = [];
  const via = new URL(t.url);
  via.host = `127.0.0.1:${proxy.port}`;
  const a = await createPostgresEventBus({
    url: via.toString(),
    db: t.db,
    log: (line) => lines.push(line),
    retryMs: 50,
    heartbeatMs: 100,
    timeoutMs: 500,
  });
  const b = await createPostgresEventBus({ url: t.url, db: other.db });
  buses.push(a, b);
  const seen: string[] = [];
  a.subscribe((e) => seen.push(e.inquiryId));
  let missed = 0;
  a.onMissed(() => missed++);

  b.publish(event('before'));
  await until(() => seen.length === 1);

  proxy.silence();
  // Noticed by the heartbeat; the attempts to connect through the silent proxy time out too.
  await until(() => lines.some((l) => l.includes('heartbeat unanswered')));
  await until(() => lines.filter((l) => l.includes('connection lost')).length >= 2);
  b.publish(event('while silent'));
  await new Promise((r) => setTimeout(r, 200));
  expect(missed).toBe(0);

  proxy.forward();
  await until(() => missed === 1);
  b.publish(event('after'));
  await until(() => seen.includes('after'));
  expect(seen).toEqual(['before', 'after']);
  expect(missed).toBe(1);
});

const event = (inquiryId: string): LiveEvent => ({
  type: 'message',
  siteId: 'site-1',
  repId: null,
  inquiryId,
  visitorVisible: true,
});

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

interface SilenceableProxy {
  port: number;
  /** From now on every byte of the connections open now, and of those opened later, is dropped. */
  silence(): void;
  /** Connections opened from now on are forwarded; those silenced stay silent. */
  forward(): void;
  close(): Promise<void>;
}

/** A TCP proxy on loopback to `target` that can drop all traffic without closing a socket. */
async function silenceableProxy(target: URL): Promise<SilenceableProxy> {
  const pairs = new Set<{ client: Socket; server: Socket; silent: boolean }>();
  let silent = false;
  const proxyServer = createServer((client) => {
    const server = connect(Number(target.port || 5432), target.hostname);
    const pair = { client, server, silent };
    pairs.add(pair);
    client.on('data', (d) => {
      if (!pair.silent) server.write(d);
    });
    server.on('data', (d) => {
      if (!pair.silent) client.write(d);
    });
    // A silent link tells neither side anything, a close included.
    const closeOther = (s: Socket) => () => {
      if (!pair.silent) s.destroy();
    };
    client.on('close', closeOther(server));
    server.on('close', closeOther(client));
    // A socket that fails closes; 'error' only needs a listener so that it does not throw.
    client.on('error', closeOther(server));
    server.on('error', closeOther(client));
  });
  await new Promise<void>((resolve) => proxyServer.listen(0, '127.0.0.1', resolve));
  const address = proxyServer.address();
  if (address === null || typeof address === 'string') throw new Error('no proxy port');
  return {
    port: address.port,
    silence() {
      silent = true;
      for (const pair of pairs) pair.silent = true;
    },
    forward() {
      silent = false;
    },
    async close() {
      for (const { client, server } of pairs) {
        client.destroy();
        server.destroy();
      }
      await new Promise((resolve) => proxyServer.close(resolve));
    },
  };
}
