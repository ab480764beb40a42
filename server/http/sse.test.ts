import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalEventBus, type EventBus, type LiveEvent } from '../domain/events';
import { liveEvents } from './sse';

// A real HTTP server on loopback and a raw socket as the client, so that "not reading" is what
// it is on the wire: the kernel's buffers fill, then Node's, then the server has to choose.

/** The local bus, counting its listeners, with a switch for "events were missed". */
function countingBus(): EventBus & { listeners(): number; miss(): void } {
  const bus = createLocalEventBus();
  let listeners = 0;
  const missed = new Set<() => void>();
  return {
    onMissed(listener) {
      missed.add(listener);
      return () => missed.delete(listener);
    },
    miss: () => missed.forEach((listener) => listener()),
    publish: (event) => bus.publish(event),
    subscribe(listener) {
      listeners++;
      const unsubscribe = bus.subscribe(listener);
      return () => {
        listeners--;
        unsubscribe();
      };
    },
    listeners: () => listeners,
  };
}

let bus: ReturnType<typeof countingBus>;
let allowed: boolean | 'fails' = true;
let server: ServerType;
let port: number;
const sockets = new Set<Socket>();

beforeEach(async () => {
  bus = countingBus();
  allowed = true;
  const app = new Hono()
    .get('/events', (c) => liveEvents(c, bus, (e) => ({ type: e.type, inquiryId: e.inquiryId })))
    .get('/checked', (c) =>
      liveEvents(c, bus, (e) => ({ type: e.type }), {
        stillAllowed: async () => {
          if (allowed === 'fails') throw new Error('database unavailable');
          return allowed;
        },
        heartbeatMs: 20,
      }),
    );
  server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
      resolve(started),
    );
  });
  port = (server.address() as AddressInfo).port;
});
afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  sockets.clear();
  if ('closeAllConnections' in server) server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

interface RawStream {
  /** Events (`data:` lines) received so far. */
  received(): number;
  /** Resolves once the server has ended the response (its last, empty chunk). */
  ended: Promise<void>;
  pause(): void;
  resume(): void;
}

/** GET /events over a raw socket; resolves once the stream says it is connected. */
async function openStream(path = '/events'): Promise<RawStream> {
  const socket = connect(port, '127.0.0.1');
  sockets.add(socket);
  socket.setEncoding('latin1');
  let text = '';
  let tail = '';
  let received = 0;
  let end!: () => void;
  const ended = new Promise<void>((resolve) => (end = resolve));
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.on('data', (chunk: string) => {
      text += chunk;
      // The response is chunked (the socket stays open: streamSSE says keep-alive); its last
      // chunk may come alone, after `text` was cut.
      tail = (tail + chunk).slice(-16);
      if (tail.endsWith('\r\n0\r\n\r\n')) end();
      // Count whole lines only; keep the unfinished rest.
      const cut = text.lastIndexOf('\n');
      received += text.slice(0, cut + 1).split('\ndata: ').length - 1;
      text = text.slice(cut);
      if (chunk.includes(': connected')) resolve();
    });
    socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
  });
  return {
    received: () => received,
    ended,
    pause: () => socket.pause(),
    resume: () => socket.resume(),
  };
}

// About 1 KB of event data each: the ids stand for any payload.
const event = (n: number): LiveEvent => ({
  type: 'message',
  siteId: 'site-1',
  repId: null,
  inquiryId: `${n}-${'x'.repeat(1000)}`,
  visitorVisible: true,
});

const within = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`no ${what} in ${ms} ms`)), ms),
    ),
  ]);

describe('liveEvents and a client that stops reading', () => {
  it('ends the stream instead of keeping every later event for it', async () => {
    const stream = await openStream();
    stream.pause();
    // 32 MB of events, more than the socket buffers of loopback hold, in bursts of 20.
    const total = 32_000;
    for (let n = 0; n < total; n++) {
      bus.publish(event(n));
      if (n % 20 === 19) await nextTurn();
    }
    // The server has let go of the stream: nothing more is kept for this client.
    expect(bus.listeners()).toBe(0);
    stream.resume();
    // What was already on its way arrives, then the response ends (EventSource reconnects then).
    await within(stream.ended, 10_000, 'end of the stream');
    expect(stream.received()).toBeLessThan(total);
  });

  it('keeps a client that reads, however many events come', async () => {
    const stream = await openStream();
    let sent = 0;
    for (let burst = 0; burst < 500; burst++) {
      for (let i = 0; i < 20; i++) bus.publish(event(sent++));
      while (stream.received() < sent) await nextTurn();
    }
    expect(stream.received()).toBe(sent);
    expect(bus.listeners()).toBe(1);
  });
});

describe('liveEvents on a bus that missed events', () => {
  it('ends the stream, so that the client reconnects and reads its state again', async () => {
    const stream = await openStream();
    bus.publish(event(1));
    while (stream.received() < 1) await nextTurn();
    bus.miss();
    await within(stream.ended, 2_000, 'end of the stream');
    expect(bus.listeners()).toBe(0);
  });
});

describe('liveEvents whose access can end', () => {
  it('ends the stream at the first heartbeat after access ended', async () => {
    const stream = await openStream('/checked');
    bus.publish(event(1));
    while (stream.received() < 1) await nextTurn();
    // Heartbeats go on while access holds.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(bus.listeners()).toBe(1);
    allowed = false;
    await within(stream.ended, 2_000, 'end of the stream');
    expect(bus.listeners()).toBe(0);
  });

  it('ends the stream and lets go of the bus when the check itself fails', async () => {
    const stream = await openStream('/checked');
    allowed = 'fails';
    await within(stream.ended, 2_000, 'end of the stream');
    expect(bus.listeners()).toBe(0);
  });
});
