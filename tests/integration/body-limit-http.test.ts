import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ATTACHMENT_BYTES_MAX } from '../../contract/limits';
import { MAX_BODY_BYTES, MAX_INQUIRY_BYTES } from '../../server/app';
import { listen, nodeListener } from '../support/http-listener';
import { ORIGIN } from '../support/inbox-client';
import { createTestApp, inquiryBody, rowCounts, type TestApp } from '../support/test-app';

// Body limits over real HTTP (http/body-limit.ts): a body whose Content-Length is over the
// limit is refused from that header alone; a chunked one is counted as it arrives. Under
// app.request (the other tests) a body has no Content-Length, so only the counting is used.

let t: TestApp;
let base: string;
let close: () => Promise<void>;
beforeEach(async () => {
  t = await createTestApp({ minFormMs: 0 });
  ({ base, close } = await listen(nodeListener(t.app.fetch)));
});
afterEach(async () => {
  await close();
  await t.close();
});

/** A POST through node:http, with its length or chunked; resolves with the status and body. */
function post(
  path: string,
  body: Buffer,
  headers: Record<string, string>,
  { chunked = false } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, {
      method: 'POST',
      headers: {
        Origin: ORIGIN,
        ...headers,
        ...(chunked ? { 'Transfer-Encoding': 'chunked' } : { 'Content-Length': body.length }),
      },
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    // The server may answer and close before the whole body is written.
    req.on('error', (err: NodeJS.ErrnoException) =>
      err.code === 'EPIPE' || err.code === 'ECONNRESET' ? undefined : reject(err),
    );
    if (chunked)
      for (let at = 0; at < body.length; at += 16_384) req.write(body.subarray(at, at + 16_384));
    else req.write(body);
    req.end();
  });
}

const JSON_TYPE = { 'Content-Type': 'application/json' };
const inquiry = (over: Record<string, unknown> = {}) =>
  Buffer.from(JSON.stringify(inquiryBody(over)));

describe('body limits over HTTP', () => {
  it('takes an inquiry within the limit, with its length or chunked', async () => {
    for (const chunked of [false, true]) {
      const res = await post('/api/v1/sites/demo/inquiries', inquiry(), JSON_TYPE, { chunked });
      expect(res.status).toBe(201);
    }
    expect((await rowCounts(t.db)).inquiries).toBe(2);
  });

  it('takes the largest inquiry the contract allows: 20 lines at every limit, in Chinese', async () => {
    const chinese = (n: number) => '泵'.repeat(n);
    const link = (n: number) => `https://hengda.example/${chinese(n - 23)}`;
    const line = {
      name: chinese(300),
      sku: chinese(100),
      category: chinese(100),
      url: link(2000),
      image: link(2000),
      quantity: 1_000_000_000,
      unit: 'square meters',
    };
    const body = inquiry({
      name: chinese(200),
      company: chinese(200),
      country: chinese(100),
      message: chinese(8000),
      product: undefined,
      quantity: undefined,
      unit: undefined,
      products: Array.from({ length: 20 }, () => line),
      page: { url: link(2000), referrer: link(2000), language: 'zh-CN', timezone: 'Asia/Shanghai' },
      consent: chinese(1000),
    });
    // Over 64 KB many times: the limit every other route keeps.
    expect(body.length).toBeGreaterThan(4 * MAX_BODY_BYTES);
    for (const chunked of [false, true]) {
      const res = await post('/api/v1/sites/demo/inquiries', body, JSON_TYPE, { chunked });
      expect(res.status, res.body).toBe(201);
    }
    expect((await rowCounts(t.db)).inquiries).toBe(2);
  });

  it('refuses an inquiry over 1 MB, and another body over 64 KB, by length or as it arrives', async () => {
    const big = inquiry({ message: 'x'.repeat(MAX_INQUIRY_BYTES) });
    for (const chunked of [false, true]) {
      const res = await post('/api/v1/sites/demo/inquiries', big, JSON_TYPE, { chunked });
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    }
    expect((await rowCounts(t.db)).inquiries).toBe(0);
    const token = 'a'.repeat(26);
    const message = Buffer.from(JSON.stringify({ body: 'x'.repeat(MAX_BODY_BYTES) }));
    for (const chunked of [false, true]) {
      const res = await post(`/api/v1/conversations/${token}/messages`, message, JSON_TYPE, {
        chunked,
      });
      expect(res.status).toBe(413);
    }
  });

  it('refuses a file over 5 MB by its length, and takes one within', async () => {
    const headers = { 'Content-Type': 'application/octet-stream', 'X-Filename': 'a.pdf' };
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1024)]);
    const over = Buffer.concat([pdf, Buffer.alloc(ATTACHMENT_BYTES_MAX)]);
    const refused = await post('/api/v1/sites/demo/attachments', over, headers);
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect((await post('/api/v1/sites/demo/attachments', pdf, headers)).status).toBe(201);
  });
});
