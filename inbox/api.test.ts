import { describe, expect, it } from 'vitest';
import { createInboxApi } from './api';

interface Sent {
  url: string;
  init: RequestInit;
}

/** A fetch that records requests and answers with `respond`. */
function fakeFetch(respond: (url: string) => Response | Error) {
  const sent: Sent[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    sent.push({ url: String(input), init });
    const answer = respond(String(input));
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { sent, fetch };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

describe('createInboxApi', () => {
  it('sends JSON with the session cookie and reads the answer', async () => {
    const me = {
      id: 'r1',
      name: 'M',
      email: 'm@x.example',
      role: 'rep',
      site: { key: 'd', name: 'D' },
    };
    const { sent, fetch } = fakeFetch(() => json(200, me));
    const api = createInboxApi({ fetch });
    expect(await api.signIn({ email: 'm@x.example', password: 'pw' })).toEqual({
      ok: true,
      value: me,
    });
    expect(sent[0]?.url).toBe('/api/inbox/auth/password');
    expect(sent[0]?.init.method).toBe('POST');
    expect(sent[0]?.init.credentials).toBe('same-origin');
    expect(sent[0]?.init.headers).toEqual({ 'content-type': 'application/json' });
    expect(sent[0]?.init.body).toBe('{"email":"m@x.example","password":"pw"}');
  });

  it('builds the list query from the filters, leaving out empty ones', async () => {
    const { sent, fetch } = fakeFetch(() =>
      json(200, { items: [], nextCursor: null, unreadCount: 0 }),
    );
    const api = createInboxApi({ fetch });
    await api.inquiries({ status: 'waiting', q: ' valves ', cursor: undefined, limit: '25' });
    await api.inquiries({});
    expect(sent.map((s) => s.url)).toEqual([
      '/api/inbox/inquiries?status=waiting&q=valves&limit=25',
      '/api/inbox/inquiries',
    ]);
  });

  it('refuses a search the contract refuses, without a request', async () => {
    const { sent, fetch } = fakeFetch(() => json(200, {}));
    const result = await createInboxApi({ fetch }).inquiries({ q: 'x'.repeat(201) });
    expect(result.ok).toBe(false);
    expect(sent).toHaveLength(0);
  });

  it('reports a lost session once, and other errors as values', async () => {
    let ended = 0;
    const { fetch } = fakeFetch((url) =>
      url.endsWith('/me')
        ? json(401, { error: { code: 'UNAUTHENTICATED', message: 'Please sign in.' } })
        : json(
            429,
            { error: { code: 'TOO_MANY_ATTEMPTS', message: 'Wait.' } },
            { 'retry-after': '30' },
          ),
    );
    const api = createInboxApi({ fetch, onUnauthenticated: () => ended++ });
    const me = await api.me();
    expect(me.ok === false && me.error.code).toBe('UNAUTHENTICATED');
    const signIn = await api.signIn({ email: 'm@x.example', password: 'pw' });
    expect(signIn).toEqual({
      ok: false,
      error: { status: 429, code: 'TOO_MANY_ATTEMPTS', message: 'Wait.', retryAfter: 30 },
    });
    expect(ended).toBe(1);
  });

  it('turns a failed fetch into NETWORK and an unreadable answer into INTERNAL', async () => {
    const offline = createInboxApi({ fetch: fakeFetch(() => new TypeError('offline')).fetch });
    const down = await offline.me();
    expect(down.ok === false && down.error.code).toBe('NETWORK');
    const odd = createInboxApi({ fetch: fakeFetch(() => json(200, { hello: 1 })).fetch });
    const result = await odd.inquiry('i1');
    expect(result.ok === false && result.error.code).toBe('INTERNAL');
  });

  it('accepts the empty 202 and 204 answers', async () => {
    const { sent, fetch } = fakeFetch(() => new Response(null, { status: 204 }));
    const api = createInboxApi({ fetch });
    expect(await api.markRead('a/b')).toEqual({ ok: true, value: true });
    expect(sent[0]?.url).toBe('/api/inbox/inquiries/a%2Fb/read');
  });
});
