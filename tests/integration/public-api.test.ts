import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorBody, InquiryCreated } from '../../contract';
import { createTestApp, inquiryBody, rowCounts, type TestApp } from '../support/test-app';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

const INQUIRIES = '/api/v1/sites/demo/inquiries';
const CONFIG = '/api/v1/sites/demo/widget-config';

function post(body: unknown, headers: Record<string, string> = {}, path = INQUIRIES) {
  return t.app.request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' || body instanceof Blob ? body : JSON.stringify(body),
  });
}

describe('CORS', () => {
  it.each(['http://localhost:8787', 'http://localhost:5173', 'http://127.0.0.1:3000'])(
    'echoes the allowed origin %s, never *',
    async (origin) => {
      const res = await t.app.request(CONFIG, { headers: { Origin: origin } });
      expect(res.status).toBe(200);
      expect(res.headers.get('Access-Control-Allow-Origin')).toBe(origin);
      expect(res.headers.get('Vary')).toMatch(/Origin/);
    },
  );

  it('answers a preflight from an allowed origin', async () => {
    const res = await t.app.request(INQUIRIES, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('http://localhost:5173');
    expect(res.headers.get('Access-Control-Allow-Headers')).toMatch(/Content-Type/i);
  });

  it.each(['https://evil.example', 'null', 'http://localhost.evil.example'])(
    'refuses origin %s and stores nothing',
    async (origin) => {
      const before = await rowCounts(t.db);
      const res = await post(inquiryBody(), { Origin: origin });
      expect(res.status).toBe(403);
      expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
      expect(((await res.json()) as ErrorBody).error.code).toBe('ORIGIN_NOT_ALLOWED');
      expect(await rowCounts(t.db)).toEqual(before);
    },
  );
});

describe('POST inquiries', () => {
  it('stores the inquiry, its first message and the rep notification in one go', async () => {
    const res = await post(inquiryBody(), { Origin: 'http://localhost:8787' });
    expect(res.status).toBe(201);
    const created = (await res.json()) as InquiryCreated;
    expect(created.rep).toEqual({ name: 'Mr. Moore Liu' });

    const inquiry = await t.store.findInquiry(created.id);
    expect(inquiry).toMatchObject({
      status: 'new',
      visitor: {
        name: 'Jane Buyer',
        email: 'jane@buyer.example',
        company: 'Buyer GmbH',
        country: 'Germany',
        phone: '+49 30 1234567',
      },
      // The one product takes the inquiry's quantity: quantities live with their products.
      quantity: null,
      unit: null,
      products: [
        {
          name: 'Ball Valve DN50',
          sku: 'BV-50',
          url: 'https://hengda.example/p/bv-50',
          quantity: 500,
          unit: 'pieces',
        },
      ],
      page: { url: 'https://hengda.example/news/1', timezone: 'Europe/Berlin' },
      assignmentReason: expect.stringMatching(/Moore Liu/),
      createdAt: '2026-11-29T08:00:00.000Z',
    });
    const messages = await t.store.listMessages(created.id);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      authorKind: 'visitor',
      body: expect.stringMatching(/^Please quote/),
    });
    // The rep's notification and the visitor's acknowledgement.
    expect(await rowCounts(t.db)).toEqual({ inquiries: 1, messages: 1, deliveries: 2 });
    expect(await t.store.countDeliveries('pending')).toBe(2);
  });

  it('accepts the smallest body a site owner can send, and blanks as absent', async () => {
    const res = await post({ email: 'a@b.co', message: 'x'.repeat(20), company: '' });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as InquiryCreated;
    const inquiry = await t.store.findInquiry(id);
    expect(inquiry?.visitor.company).toBeNull();
    expect(inquiry?.products).toEqual([]);
  });

  it('assigns the rep named by the embed when active, else the default rep', async () => {
    const site = await t.store.findSiteByKey('demo');
    if (!site) throw new Error('demo site missing');
    const base = { siteId: site.id, title: null, photoUrl: null, role: 'rep' as const };
    await t.store.createRep({
      ...base,
      id: 'r-ana',
      handle: 'ana',
      name: 'Ms. Ana Wu',
      email: 'ana@example.com',
      active: true,
    });
    await t.store.createRep({
      ...base,
      id: 'r-old',
      handle: 'old',
      name: 'Mr. Old',
      email: 'old@example.com',
      active: false,
    });

    const toAna = (await (await post(inquiryBody({ rep: 'ana' }))).json()) as InquiryCreated;
    expect(toAna.rep?.name).toBe('Ms. Ana Wu');
    expect((await t.store.findInquiry(toAna.id))?.repId).toBe('r-ana');

    for (const rep of ['old', 'nobody']) {
      const body = inquiryBody({ rep, email: `${rep}@buyer.example` });
      const created = (await (await post(body)).json()) as InquiryCreated;
      expect(created.rep?.name).toBe('Mr. Moore Liu');
    }
    // A returning buyer stays with the rep who had them, whatever the embed says now.
    const again = (await (await post(inquiryBody({ rep: 'old' }))).json()) as InquiryCreated;
    expect(again.rep?.name).toBe('Ms. Ana Wu');
    expect((await t.store.findInquiry(again.id))?.assignmentReason).toMatch(/returning buyer/);
  });

  const long = 'x'.repeat(8001);
  const badBodies: Array<[string, unknown, string[]]> = [
    ['missing email', inquiryBody({ email: undefined }), ['email']],
    ['invalid email', inquiryBody({ email: 'not-an-email' }), ['email']],
    ['message under 20 characters', inquiryBody({ message: 'too short' }), ['message']],
    ['message of spaces', inquiryBody({ message: ' '.repeat(30) }), ['message']],
    ['message over 8000 characters', inquiryBody({ message: long }), ['message']],
    ['unknown field', inquiryBody({ admin: true }), ['admin']],
    ['unknown nested field', inquiryBody({ product: { name: 'X', price: 1 } }), ['product.price']],
    ['oversized company', inquiryBody({ company: 'c'.repeat(201) }), ['company']],
    [
      'javascript: product link',
      inquiryBody({ product: { name: 'X', url: 'javascript:alert(1)' } }),
      ['product.url'],
    ],
    ['unknown unit', inquiryBody({ unit: 'handfuls' }), ['unit']],
    ['negative quantity', inquiryBody({ quantity: -3 }), ['quantity']],
    ['quantity as text', inquiryBody({ quantity: '500' }), ['quantity']],
    // Half a character (JSON spells it "\ud800"): it was stored as U+FFFD.
    [
      'a lone surrogate in the message',
      inquiryBody({ message: 'Please quote 200 pieces \ud800 by Friday, thank you.' }),
      ['message'],
    ],
    [
      'a lone surrogate in a product name',
      inquiryBody({ product: undefined, products: [{ name: 'Valve \udc00' }] }),
      ['products.0.name'],
    ],
    ['a JSON array', [1, 2], ['body']],
    ['JSON null', null, ['body']],
  ];
  it.each(badBodies)(
    'refuses %s with field messages and stores nothing',
    async (_name, body, fields) => {
      const before = await rowCounts(t.db);
      const res = await post(JSON.stringify(body));
      expect(res.status).toBe(400);
      const { error } = (await res.json()) as ErrorBody;
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(error.fields ?? {})).toEqual(expect.arrayContaining(fields));
      for (const f of fields) expect(error.fields?.[f]).toMatch(/\w/);
      expect(await rowCounts(t.db)).toEqual(before);
    },
  );

  it('takes characters made of two surrogates, such as emoji, whole', async () => {
    const message = 'Please quote 200 pieces 👍 and 𠜎 samples by Friday.';
    const res = await post(JSON.stringify(inquiryBody({ message })));
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect((await t.store.listMessages(id))[0]?.body).toBe(message);
  });

  it('says what is wrong with each field', async () => {
    const messages = async (body: string) =>
      ((await (await post(body)).json()) as ErrorBody).error.fields;
    const sent = (over: Record<string, unknown>) => JSON.stringify(inquiryBody(over));
    // A value of the wrong type was told "required" (zod/mini's issues carry no value).
    expect(await messages(sent({ name: 5, quantity: '500', email: undefined }))).toMatchObject({
      name: 'Must be a string.',
      quantity: 'Must be a number.',
      email: 'This field is required.',
    });
    // Bounds said as they are: 0 is refused, any more is fine; a list counts items.
    expect(await messages(sent({ quantity: 0, product: undefined, products: [] }))).toMatchObject({
      quantity: 'Must be greater than 0.',
      products: 'Must have at least 1 item.',
    });
    // A field named __proto__ is named too (it went to the prototype, and fields were empty).
    const proto = await messages(`${sent({}).slice(0, -1)},"__proto__":{"x":1}}`);
    expect(Object.entries(proto ?? {})).toEqual([['__proto__', 'Unknown field.']]);
  });

  const badRequests: Array<[string, () => Response | Promise<Response>, number, string]> = [
    ['malformed JSON', () => post('{"email": '), 400, 'MALFORMED_JSON'],
    [
      // A Latin-1 "ü" (0xFC): read loosely it was stored as U+FFFD.
      'a body that is not UTF-8',
      () =>
        post(new Blob([Buffer.from(JSON.stringify(inquiryBody({ name: 'Müller' })), 'latin1')])),
      400,
      'MALFORMED_JSON',
    ],
    [
      'wrong content type',
      () => post(JSON.stringify(inquiryBody()), { 'Content-Type': 'text/plain' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'form encoding',
      () => post('email=a%40b.co', { 'Content-Type': 'application/x-www-form-urlencoded' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'a body over 1 MB',
      () => post(inquiryBody({ message: 'x'.repeat(1_100_000) })),
      413,
      'PAYLOAD_TOO_LARGE',
    ],
    [
      'unknown site',
      () => post(inquiryBody(), {}, '/api/v1/sites/nope/inquiries'),
      404,
      'SITE_NOT_FOUND',
    ],
    [
      'unknown route',
      () => post(inquiryBody(), {}, '/api/v1/sites/demo/nothing'),
      404,
      'NOT_FOUND',
    ],
  ];
  it.each(badRequests)(
    'refuses %s with the error shape and stores nothing',
    async (_name, send, status, code) => {
      const before = await rowCounts(t.db);
      const res = await send();
      expect(res.status).toBe(status);
      expect(res.headers.get('Content-Type')).toMatch(/application\/json/);
      expect(((await res.json()) as ErrorBody).error).toMatchObject({
        code,
        message: expect.any(String),
      });
      expect(await rowCounts(t.db)).toEqual(before);
    },
  );

  it('keeps what was stored when later requests are bad', async () => {
    expect((await post(inquiryBody())).status).toBe(201);
    await post('{');
    await post(inquiryBody({ email: 'x' }));
    expect(await rowCounts(t.db)).toEqual({ inquiries: 1, messages: 1, deliveries: 2 });
  });
});

describe('GET /healthz', () => {
  it('is alive', async () => {
    const res = await t.app.request('/healthz');
    expect(res.status).toBe(200);
  });
});

describe('security headers', () => {
  it('are on every response, with a deny-all CSP on the API and no framing of our pages', async () => {
    for (const path of ['/healthz', CONFIG, '/api/v1/sites/nope/widget-config', '/nothing']) {
      const res = await t.app.request(path);
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(res.headers.get('Referrer-Policy')).toBeTruthy();
    }
    const api = await t.app.request(CONFIG);
    expect(api.headers.get('Content-Security-Policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'; sandbox",
    );
    const { token } = (await (await post(inquiryBody())).json()) as InquiryCreated;
    const page = await t.app.request(`/c/${token}`);
    expect(page.headers.get('Content-Security-Policy')).toMatch(/frame-ancestors 'none'/);
    expect(page.headers.get('X-Frame-Options')).toBe('DENY');
  });
});
