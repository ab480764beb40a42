import { describe, expect, test } from 'vitest';
import { createApi, createConversationApi, createInquiryApi } from './api';

type Call = { url: string; init: RequestInit | undefined };

const fakeFetch = (answer: () => Response | Promise<Response>) => {
  const calls: Call[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init });
    return answer();
  };
  return { calls, fetch };
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const inquiry = { email: 'anna@example.de', message: 'We need 200 ball valves, DN50.' };

describe('loadConfig', () => {
  test('asks for the rep on this page and resolves the photo against the API origin', async () => {
    const { calls, fetch } = fakeFetch(() =>
      json(200, {
        site: { name: 'Hengda', replyPromiseHours: 2, themeColor: null, theme: null },
        rep: {
          handle: 'moore-liu',
          name: 'Mr. Moore Liu',
          title: null,
          photoUrl: '/demo/moore-liu.svg',
          available: false,
          nextAvailableAt: '2026-11-30T01:00:00.000Z',
          back: 'Montag, 02:00',
          whatsapp: '+8613800000000',
        },
      }),
    );
    const api = createApi({
      origin: 'https://api.test',
      site: 'demo site',
      rep: 'moore-liu',
      fetch,
    });
    expect(
      await api.loadConfig({
        page: 'https://shop.test/valves?id=1',
        lang: 'de-DE',
        ui: 'de',
        tzo: -60,
      }),
    ).toEqual({
      ok: true,
      config: {
        site: { name: 'Hengda', replyPromiseHours: 2, themeColor: null, theme: null },
        rep: {
          handle: 'moore-liu',
          name: 'Mr. Moore Liu',
          title: null,
          photoUrl: 'https://api.test/demo/moore-liu.svg',
          available: false,
          nextAvailableAt: '2026-11-30T01:00:00.000Z',
          back: 'Montag, 02:00',
          whatsapp: '+8613800000000',
        },
        texts: null,
      },
    });
    expect(calls[0]?.url).toBe(
      'https://api.test/api/v1/sites/demo%20site/widget-config?rep=moore-liu&page=https%3A%2F%2Fshop.test%2Fvalves%3Fid%3D1&lang=de-DE&ui=de&tzo=-60',
    );
  });

  test('an error answer gives its code', async () => {
    const { fetch } = fakeFetch(() =>
      json(404, { error: { code: 'SITE_NOT_FOUND', message: 'No such site' } }),
    );
    const api = createApi({ origin: 'https://api.test', site: 'x', fetch });
    expect(await api.loadConfig()).toEqual({ ok: false, code: 'SITE_NOT_FOUND' });
  });

  test('a code it does not know is reported as written; no code at all is INTERNAL', async () => {
    const answers = [json(429, { error: { code: 'SLOW_DOWN' } }), json(502, '<html>')];
    const { fetch } = fakeFetch(() => answers.shift() ?? json(500, null));
    const api = createApi({ origin: 'https://api.test', site: 'x', fetch });
    expect(await api.loadConfig()).toEqual({ ok: false, code: 'SLOW_DOWN' });
    expect(await api.loadConfig()).toEqual({ ok: false, code: 'INTERNAL' });
  });
});

describe('submit', () => {
  test('posts JSON and returns the created inquiry', async () => {
    const { calls, fetch } = fakeFetch(() =>
      json(201, { id: 'inq_1', rep: { name: 'Mr. Moore Liu' }, token: 'tok_1' }),
    );
    const api = createInquiryApi({ origin: 'https://api.test', site: 'demo', fetch });
    expect(await api.submit(inquiry, 'key-1')).toEqual({
      ok: true,
      created: { id: 'inq_1', rep: { name: 'Mr. Moore Liu' }, token: 'tok_1' },
    });
    expect(calls[0]?.url).toBe('https://api.test/api/v1/sites/demo/inquiries');
    expect(calls[0]?.init?.method).toBe('POST');
    expect(calls[0]?.init?.credentials).toBe('omit');
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual(inquiry);
    expect(new Headers(calls[0]?.init?.headers).get('Idempotency-Key')).toBe('key-1');
  });

  test('field errors come back as values', async () => {
    const { fetch } = fakeFetch(() =>
      json(400, {
        error: { code: 'VALIDATION_FAILED', message: 'Invalid', fields: { email: 'Bad email' } },
      }),
    );
    const api = createInquiryApi({ origin: 'https://api.test', site: 'demo', fetch });
    expect(await api.submit(inquiry, 'key-1')).toEqual({
      ok: false,
      code: 'VALIDATION_FAILED',
      fields: { email: 'Bad email' },
    });
  });

  test('a failed fetch is NETWORK, a non-JSON error page is INTERNAL', async () => {
    const offline = createInquiryApi({
      origin: 'https://api.test',
      site: 'demo',
      fetch: fakeFetch(() => Promise.reject(new TypeError('Failed to fetch'))).fetch,
    });
    expect(await offline.submit(inquiry, 'key-1')).toEqual({ ok: false, code: 'NETWORK' });
    const proxy = createInquiryApi({
      origin: 'https://api.test',
      site: 'demo',
      fetch: fakeFetch(() => new Response('<h1>502 Bad Gateway</h1>', { status: 502 })).fetch,
    });
    expect(await proxy.submit(inquiry, 'key-1')).toEqual({ ok: false, code: 'INTERNAL' });
  });

  test('a request that never answers times out as NETWORK', async () => {
    const fetch = (_input: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted')));
      });
    const api = createInquiryApi({
      origin: 'https://api.test',
      site: 'demo',
      fetch,
      timeoutMs: 10,
    });
    expect(await api.submit(inquiry, 'key-1')).toEqual({ ok: false, code: 'NETWORK' });
  });

  test('a 201 with an unreadable body still counts as sent', async () => {
    const { fetch } = fakeFetch(() => new Response('', { status: 201 }));
    const api = createInquiryApi({ origin: 'https://api.test', site: 'demo', fetch });
    expect(await api.submit(inquiry, 'key-1')).toEqual({
      ok: true,
      created: { id: '', rep: null, token: '' },
    });
  });
});

describe('conversation API', () => {
  const conversation = {
    inquiryId: 'inq_1',
    site: { name: 'Hengda' },
    rep: null,
    products: [],
    messages: [],
  };
  const message = {
    id: 'msg_2',
    author: 'visitor',
    authorName: null,
    body: 'Could you also quote DN65?',
    createdAt: '2026-11-29T09:00:00.000Z',
  };

  test('loads a conversation by its token', async () => {
    const { calls, fetch } = fakeFetch(() => json(200, conversation));
    const api = createConversationApi({ origin: 'https://api.test', fetch });
    expect(await api.load('tok/1')).toEqual({ ok: true, conversation });
    expect(calls[0]?.url).toBe('https://api.test/api/v1/conversations/tok%2F1');
    expect(calls[0]?.init?.credentials).toBe('omit');
    expect(api.eventsUrl('tok_1')).toBe('https://api.test/api/v1/conversations/tok_1/events');
  });

  test('an unknown token is CONVERSATION_NOT_FOUND; an odd body INTERNAL', async () => {
    const gone = createConversationApi({
      origin: 'https://api.test',
      fetch: fakeFetch(() =>
        json(404, { error: { code: 'CONVERSATION_NOT_FOUND', message: 'No such conversation' } }),
      ).fetch,
    });
    expect(await gone.load('tok_1')).toEqual({ ok: false, code: 'CONVERSATION_NOT_FOUND' });
    const odd = createConversationApi({
      origin: 'https://api.test',
      fetch: fakeFetch(() => json(200, { hello: 'world' })).fetch,
    });
    expect(await odd.load('tok_1')).toEqual({ ok: false, code: 'INTERNAL' });
  });

  test('posts a follow-up and reads the created message', async () => {
    const { calls, fetch } = fakeFetch(() => json(201, { message }));
    const api = createConversationApi({ origin: 'https://api.test', fetch });
    expect(await api.reply('tok_1', { body: message.body }, 'key-1')).toEqual({
      ok: true,
      message,
    });
    expect(calls[0]?.url).toBe('https://api.test/api/v1/conversations/tok_1/messages');
    expect(calls[0]?.init?.method).toBe('POST');
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({ body: message.body });
    expect(new Headers(calls[0]?.init?.headers).get('Idempotency-Key')).toBe('key-1');
  });

  test('a follow-up 201 with an unreadable body is still sent; failures are values', async () => {
    const sent = createConversationApi({
      origin: 'https://api.test',
      fetch: fakeFetch(() => new Response('', { status: 201 })).fetch,
    });
    expect(await sent.reply('tok_1', { body: 'Hello' }, 'key-1')).toEqual({
      ok: true,
      message: null,
    });
    const offline = createConversationApi({
      origin: 'https://api.test',
      fetch: fakeFetch(() => Promise.reject(new TypeError('Failed to fetch'))).fetch,
    });
    expect(await offline.reply('tok_1', { body: 'Hello' }, 'key-1')).toEqual({
      ok: false,
      code: 'NETWORK',
    });
  });
});
