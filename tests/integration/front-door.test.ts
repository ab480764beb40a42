import type { IncomingMessage, ServerResponse } from 'node:http';
import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/ops/log';
import { listen, nodeListener } from '../support/http-listener';
import { createTestApp, type TestApp } from '../support/test-app';
import { opsHttp } from './ops-app';

// The server's front door (server/http/front-door.ts) over real HTTP: kept widget-config
// answers are sent before the app, and must be the app's answers, header for header.

let t: TestApp;
let close: () => Promise<void>;
let base: string;
/** Requests the front door passed on to the app. */
let toApp: string[];
let logLines: string[];
/** Makes the access log throw from its next line on (the front door must survive it). */
let logFails = false;

beforeEach(async () => {
  t = await createTestApp();
  toApp = [];
  logLines = [];
  logFails = false;
  const { app, frontDoor } = opsHttp(t, {
    logger: createLogger({
      level: 'info',
      write: (line) => {
        if (logFails) throw new Error('the log is gone');
        logLines.push(line);
      },
    }),
  });
  const appListener = nodeListener(app.fetch);
  const counted = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    toApp.push(`${incoming.method} ${incoming.url}`);
    return appListener(incoming, outgoing);
  };
  ({ base, close } = await listen(frontDoor(counted)));
});
afterEach(async () => {
  await close();
  await t.close();
});

const ORIGIN = 'http://localhost:8080';
const CONFIG = '/api/v1/sites/demo/widget-config?page=https%3A%2F%2Fhengda.example%2Fp%2F1';
const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  fetch(`${base}${path}`, { method, headers });

/** Headers as sent, but for the two that differ on every answer. */
function headersOf(res: Response): Record<string, string> {
  const all = Object.fromEntries(res.headers);
  delete all['x-request-id'];
  delete all.date;
  return all;
}

describe('the front door', () => {
  it("sends a kept answer itself: the app's body and headers, without the app", async () => {
    const first = await get(CONFIG, { Origin: ORIGIN });
    expect(first.status).toBe(200);
    expect(toApp).toEqual([`GET ${CONFIG}`]);
    const kept = await get(CONFIG, { Origin: ORIGIN });
    expect(toApp).toHaveLength(1);
    expect(kept.status).toBe(200);
    expect(await kept.text()).toBe(await first.text());
    expect(headersOf(kept)).toEqual(headersOf(first));
    expect(kept.headers.get('Access-Control-Allow-Origin')).toBe(ORIGIN);
    expect(kept.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    expect(kept.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(kept.headers.get('X-Request-Id')).not.toBe(first.headers.get('X-Request-Id'));
  });

  it('answers without CORS headers when no Origin is sent, as the app does', async () => {
    const first = await get(CONFIG);
    const kept = await get(CONFIG);
    expect(toApp).toHaveLength(1);
    expect(headersOf(kept)).toEqual(headersOf(first));
    expect(kept.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(kept.headers.get('Vary')).toBe('Origin');
  });

  it('answers 304 to a browser that has the answer', async () => {
    const first = await get(CONFIG, { Origin: ORIGIN });
    const etag = first.headers.get('ETag') ?? '';
    // Once the kept answer is stale, the app answers (and keeps the answer again).
    t.now.value = new Date(t.now.value.getTime() + 5_001);
    const fromApp = await get(CONFIG, { Origin: ORIGIN, 'If-None-Match': etag });
    expect(fromApp.status).toBe(304);
    const kept = await get(CONFIG, { Origin: ORIGIN, 'If-None-Match': `"x", W/${etag}` });
    expect(toApp).toHaveLength(2);
    expect(kept.status).toBe(304);
    expect(await kept.text()).toBe('');
    expect(headersOf(kept)).toEqual(headersOf(fromApp));
  });

  it('keeps a plain X-Request-Id from a proxy and replaces any other', async () => {
    await get(CONFIG);
    const plain = await get(CONFIG, { 'X-Request-Id': 'proxy-id_1=' });
    expect(plain.headers.get('X-Request-Id')).toBe('proxy-id_1=');
    const odd = await get(CONFIG, { 'X-Request-Id': 'a b' });
    expect(odd.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(toApp).toHaveLength(1);
  });

  it("leaves the app everything else: a refused origin, HEAD, another page's answer", async () => {
    await get(CONFIG, { Origin: ORIGIN });
    const refused = await get(CONFIG, { Origin: 'https://evil.example' });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'ORIGIN_NOT_ALLOWED' } });
    expect((await get(CONFIG, {}, 'HEAD')).status).toBe(200);
    await get(`${CONFIG}2`, { Origin: ORIGIN });
    await get('/api/v1/sites/nope/widget-config');
    expect(toApp).toHaveLength(5);
  });

  // The answers are the app's own object, so its admin writes clear them for the front door
  // too (clearingOnConfigChange, tested with the app).
  it('goes back to the app once the kept answer is stale', async () => {
    await get(CONFIG);
    t.now.value = new Date(t.now.value.getTime() + 5_001);
    await get(CONFIG);
    expect(toApp).toHaveLength(2);
    await get(CONFIG);
    expect(toApp).toHaveLength(2);
  });

  it('logs and counts what it sends, as the app does', async () => {
    await get(CONFIG, { Origin: ORIGIN });
    await get(CONFIG, { Origin: ORIGIN });
    expect(toApp).toHaveLength(1);
    const lines = logLines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.msg === 'request');
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).toMatchObject({
        method: 'GET',
        path: '/api/v1/sites/demo/widget-config',
        route: '/api/v1/sites/:siteKey/widget-config',
        status: 200,
      });
      expect(line.id).toMatch(/^[0-9a-f-]{36}$/);
    }
    const metrics = await (await get('/metrics')).text();
    expect(metrics).toContain(
      'liaison_http_requests_total{method="GET",route="/api/v1/sites/:siteKey/widget-config",status="200"} 2',
    );
  });

  it('leaves the app a request without a plain Host, which it refuses', async () => {
    await get(CONFIG);
    const raw = (head: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(Number(new URL(base).port), '127.0.0.1');
        let text = '';
        socket.on('data', (d) => (text += d.toString()));
        socket.on('end', () => resolve(text));
        socket.on('error', reject);
        socket.end(`GET ${CONFIG} HTTP/1.0\r\n${head}\r\n`);
      });
    expect(await raw('')).toMatch(/^HTTP\/1\.[01] 400 /);
    expect(await raw('Host: a@b\r\n')).toMatch(/^HTTP\/1\.[01] 400 /);
    expect(toApp).toHaveLength(3);
  });

  it('survives a failure after it has answered (its log line), and goes on answering', async () => {
    await get(CONFIG);
    logFails = true;
    const kept = await get(CONFIG);
    expect(kept.status).toBe(200);
    expect(toApp).toHaveLength(1);
    logFails = false;
    expect((await get(CONFIG)).status).toBe(200);
    expect(toApp).toHaveLength(1);
  });
});
