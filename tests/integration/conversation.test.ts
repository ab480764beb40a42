import { describe, expect, it } from 'vitest';
import type { Conversation, ErrorBody, MessageCreated } from '../../contract';
import {
  conversation,
  cookie,
  detail,
  followUp,
  sink,
  t,
  useConversationApp,
  worker,
} from '../support/conversation-app';
import { inboxRequest, sendInquiry } from '../support/inbox-client';
import { addressOf } from '../support/smtp-sink';
import { rowCounts } from '../support/test-app';

// The visitor's side of a conversation over the API, and visitor text in mails; replies by
// mail are conversation-mail.test.ts's.

useConversationApp();

describe('the visitor side of a conversation', () => {
  it('hands out a 128-bit token that opens the thread, without internal notes or events', async () => {
    const { id, token } = await sendInquiry(t);
    expect(token).toMatch(/^[a-z2-7]{26}$/);
    await inboxRequest(t, cookie, 'POST', `/inquiries/${id}/messages`, {
      body: 'Internal: check stock',
      kind: 'note',
    });
    await inboxRequest(t, cookie, 'POST', `/inquiries/${id}/messages`, {
      body: 'Dear Jane, USD 12.50.',
      kind: 'reply',
    });
    await inboxRequest(t, cookie, 'PATCH', `/inquiries/${id}`, { status: 'closed' });
    const res = await conversation(token);
    expect(res.status).toBe(200);
    const thread = (await res.json()) as Conversation;
    expect(thread).toMatchObject({
      inquiryId: id,
      site: { name: 'Hengda Fluid Control' },
      rep: { name: 'Mr. Moore Liu', title: 'Sales Manager' },
      products: [{ name: 'Ball Valve DN50', sku: 'BV-50' }],
    });
    expect(thread.messages.map((m) => [m.author, m.authorName])).toEqual([
      ['visitor', null],
      ['rep', 'Mr. Moore Liu'],
    ]);
    expect(JSON.stringify(thread)).not.toContain('Internal');
  });

  it('takes follow-ups: they reopen the inquiry and notify the rep', async () => {
    const { id, token } = await sendInquiry(t);
    await inboxRequest(t, cookie, 'POST', `/inquiries/${id}/messages`, {
      body: 'Dear Jane, USD 12.50.',
      kind: 'reply',
    });
    expect((await detail(id)).status).toBe('waiting');
    const res = await followUp(token, { body: 'Can you do USD 11 for 1000 pieces?' });
    expect(res.status).toBe(201);
    expect(((await res.json()) as MessageCreated).message).toMatchObject({ author: 'visitor' });
    expect(await detail(id)).toMatchObject({ status: 'open', unread: true });
    await worker.runOnce();
    const mail = await sink.waitFor(
      (m) => m.subject?.startsWith('Re: [Hengda Fluid Control]') ?? false,
    );
    expect(addressOf(mail.to)).toBe('moore.liu@example.com');
    expect(mail.text).toContain('wrote again');
    expect(mail.text).toContain('Can you do USD 11 for 1000 pieces?');
  });

  it('refuses unknown, malformed and forged tokens, and stores nothing', async () => {
    const { token } = await sendInquiry(t);
    const before = await rowCounts(t.db);
    const forged = token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a');
    for (const bad of [
      forged,
      'short',
      'a'.repeat(26),
      '../../etc/passwd',
      token.toUpperCase().replace(/./, '!'),
    ]) {
      const read = await conversation(encodeURIComponent(bad));
      expect(read.status).toBe(404);
      expect(((await read.json()) as ErrorBody).error.code).toBe('CONVERSATION_NOT_FOUND');
      expect((await followUp(encodeURIComponent(bad), { body: 'hello there' })).status).toBe(404);
    }
    expect(await rowCounts(t.db)).toEqual(before);
    expect((await t.app.request(`/c/${forged}`)).status).toBe(404);
  });

  it('answers the site’s allowed origins and the conversation page, and refuses others', async () => {
    const { token } = await sendInquiry(t);
    const ok = await conversation(token, { Origin: 'http://localhost:3000' });
    expect(ok.headers.get('Access-Control-Allow-Origin')).toBe('http://localhost:3000');
    const own = await conversation(token, { Origin: 'http://localhost:8787' });
    expect(own.status).toBe(200);
    const evil = await followUp(
      token,
      { body: 'from elsewhere' },
      { Origin: 'https://evil.example' },
    );
    expect(evil.status).toBe(403);
  });

  it('says "not found" of a deleted conversation to the page asking, where its widget can read it', async () => {
    const { id, token } = await sendInquiry(t);
    await t.store.deleteInquiries([id]);
    expect(await t.store.findInquiry(id)).toBeNull();
    const origin = { Origin: 'http://localhost:3000' };
    const read = await conversation(token, origin);
    expect(read.status).toBe(404);
    expect(read.headers.get('Access-Control-Allow-Origin')).toBe('http://localhost:3000');
    expect(((await read.json()) as ErrorBody).error.code).toBe('CONVERSATION_NOT_FOUND');
    // A follow-up's preflight passes, so that its 404 is read too.
    const preflight = await t.app.request(`/api/v1/conversations/${token}/messages`, {
      method: 'OPTIONS',
      headers: { ...origin, 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    const sent = await followUp(token, { body: 'still there?' }, origin);
    expect(sent.status).toBe(404);
    expect(sent.headers.get('Access-Control-Allow-Origin')).toBe('http://localhost:3000');
  });

  it('serves the conversation page with the widget, for the right site', async () => {
    const { token } = await sendInquiry(t);
    const res = await t.app.request(`/c/${token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Security-Policy')).toMatch(/script-src 'self'/);
    const html = await res.text();
    expect(html).toContain(`data-site="demo" data-conversation="${token}"`);
    expect(html).toContain('<meta name="referrer" content="no-referrer">');
  });

  it('streams an event to an open conversation when the rep replies, not for notes', async () => {
    const { id, token } = await sendInquiry(t);
    const res = await t.app.request(`/api/v1/conversations/${token}/events`);
    expect(res.headers.get('Content-Type')).toMatch(/text\/event-stream/);
    const reader = res.body?.getReader();
    if (!reader) throw new Error('no stream');
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value);
      }
    };
    await readUntil(': connected');
    await inboxRequest(t, cookie, 'POST', `/inquiries/${id}/messages`, {
      body: 'A note',
      kind: 'note',
    });
    await inboxRequest(t, cookie, 'POST', `/inquiries/${id}/messages`, {
      body: 'A reply',
      kind: 'reply',
    });
    await readUntil('data:');
    expect(text.match(/data:/g)).toHaveLength(1);
    expect(text).toContain('data: {"type":"message"}');
    await reader.cancel();
  });
});

describe('visitor HTML in mail', () => {
  const PAYLOADS = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(2)>',
    '"><svg onload=alert(3)>',
    "javascript:alert('4')",
    '<a href="javascript:alert(5)">click</a>',
    '{{constructor.constructor("alert(6)")()}}',
  ];
  it.each(PAYLOADS)(
    'shows %s as text in the rep notification and the visitor reply',
    async (payload) => {
      const { id, token } = await sendInquiry(t, {
        name: payload.slice(0, 200),
        company: payload,
        country: payload,
        phone: payload.slice(0, 50),
        message: `Quote please: ${payload} for 100 pieces`,
        product: { name: payload, sku: payload.slice(0, 100) },
        page: { url: payload, referrer: payload, language: 'en', timezone: 'Europe/Berlin' },
      });
      await followUp(token, { body: `Follow-up ${payload}` });
      await inboxRequest(t, cookie, 'POST', `/inquiries/${id}/messages`, {
        body: `Reply quoting ${payload}`,
        kind: 'reply',
      });
      await worker.runOnce();
      await worker.runOnce();
      const mails = await Promise.all([
        sink.waitFor(
          (m) => addressOf(m.to) === 'moore.liu@example.com' && !m.subject?.startsWith('Re:'),
        ),
        sink.waitFor(
          (m) =>
            addressOf(m.to) === 'moore.liu@example.com' && (m.subject?.startsWith('Re:') ?? false),
        ),
        sink.waitFor((m) => addressOf(m.to) === 'jane@buyer.example'),
      ]);
      for (const mail of mails) {
        const html = typeof mail.html === 'string' ? mail.html : '';
        // Escaped, a payload stays visible text ("&lt;img ..."); only a real tag or link would run.
        expect(html).not.toMatch(/<script|<img|<svg|<a href="javascript/i);
        expect(mail.headers.has('bcc')).toBe(false);
      }
      expect(mails[0]?.text).toContain(payload.slice(0, 20));
    },
  );
});
