import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorBody, InboxMessage, InquiryDetail, InquiryPage } from '../../contract';
import { VISITOR_REPLY } from '../../server/domain/conversation';
import { REP_NOTIFICATION } from '../../server/domain/rep-notification';
import {
  addRep,
  deliveriesOf as deliveriesOfKind,
  inboxGet,
  inboxRequest,
  ORIGIN,
  sendInquiry,
  signInAs,
  signInAsDemoAdmin,
} from '../support/inbox-client';
import { markRead } from '../../server/domain/inbox-actions';
import { createTestApp, SECRET, type TestApp } from '../support/test-app';

let t: TestApp;
let cookie: string;
const MOORE = 'moore.liu@example.com';

beforeEach(async () => {
  t = await createTestApp();
  cookie = await signInAsDemoAdmin(t);
});
afterEach(async () => {
  await t.close();
});

const get = <T>(path: string) => inboxGet<T>(t, cookie, path);
const minutes = (n: number) => {
  t.now.value = new Date(t.now.value.getTime() + n * 60_000);
};
const deliveriesOf = (kind: string) => deliveriesOfKind(t, kind);

describe('the list', () => {
  it('shows awaiting inquiries first, newest activity first, with previews', async () => {
    const a = await sendInquiry(t, {
      name: 'Anna',
      message: 'First inquiry about gate valves for a refinery.',
    });
    minutes(5);
    const b = await sendInquiry(t, {
      name: 'Bert',
      message: 'Second inquiry about centrifugal pumps please.',
    });
    minutes(5);
    const c = await sendInquiry(t, {
      name: 'Cleo',
      message: 'Third inquiry, pipe fittings in stainless steel.',
    });
    // Answering Cleo puts the ball with her: she drops below the ones still waiting for us.
    await inboxRequest(t, cookie, 'POST', `/inquiries/${c.id}/messages`, {
      body: 'Thanks, quote attached.',
      kind: 'reply',
    });
    const page = await get<InquiryPage>('/inquiries');
    expect(page.items.map((i) => i.visitor.name)).toEqual(['Bert', 'Anna', 'Cleo']);
    expect(page.items[0]).toMatchObject({
      id: b.id,
      unread: true,
      awaitingReply: true,
      product: 'Ball Valve DN50',
      preview: 'Second inquiry about centrifugal pumps please.',
      rep: { name: 'Mr. Moore Liu' },
    });
    expect(page.unreadCount).toBe(2);
    expect(a.id).toBeTruthy();
  });

  it('filters by status and searches names, emails, companies, products and messages', async () => {
    await sendInquiry(t, {
      name: 'Anna Schmidt',
      company: 'Rhein Pumpen AG',
      message: 'Need a quote for seawater pumps.',
    });
    await sendInquiry(t, {
      name: 'Bert',
      email: 'bert@valves.example',
      product: { name: 'Butterfly Valve DN200', sku: 'BF-200' },
      message: 'Interested in becoming your agent in Peru.',
    });
    const names = async (q: string) =>
      (await get<InquiryPage>(`/inquiries?${q}`)).items.map((i) => i.visitor.name).sort();
    expect(await names('q=rhein')).toEqual(['Anna Schmidt']);
    expect(await names('q=schmi')).toEqual(['Anna Schmidt']);
    expect(await names('q=bert%40valves')).toEqual(['Bert']);
    expect(await names('q=butterfly')).toEqual(['Bert']);
    expect(await names('q=agent%20peru')).toEqual(['Bert']);
    expect(await names('q=seawater')).toEqual(['Anna Schmidt']);
    expect(await names('q=%22unbalanced%20quote%20*%20OR')).toEqual([]);
    expect(await names('status=new')).toEqual(['Anna Schmidt', 'Bert']);
    expect(await names('status=closed')).toEqual([]);
  });

  it('pages search results with a cursor too', async () => {
    for (let i = 0; i < 5; i++) {
      await sendInquiry(t, { name: `Zebra ${i}`, company: 'Zebra Valves Ltd' });
      minutes(1);
    }
    await sendInquiry(t, { name: 'Other', company: 'Someone Else' });
    const first = await get<InquiryPage>('/inquiries?q=zebra&limit=3');
    expect(first.items.map((i) => i.visitor.name)).toEqual(['Zebra 4', 'Zebra 3', 'Zebra 2']);
    const second = await get<InquiryPage>(`/inquiries?q=zebra&limit=3&cursor=${first.nextCursor}`);
    expect(second.items.map((i) => i.visitor.name)).toEqual(['Zebra 1', 'Zebra 0']);
    expect(second.nextCursor).toBeNull();
  });

  it('pages with a cursor without skipping or repeating', async () => {
    for (let i = 0; i < 7; i++) {
      await sendInquiry(t, { name: `Visitor ${i}` });
      minutes(1);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page: InquiryPage = await get<InquiryPage>(`/inquiries?limit=3${query}`);
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((i) => i.visitor.name ?? ''));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([
      'Visitor 6',
      'Visitor 5',
      'Visitor 4',
      'Visitor 3',
      'Visitor 2',
      'Visitor 1',
      'Visitor 0',
    ]);
    const bad = await inboxRequest(t, cookie, 'GET', '/inquiries?cursor=bm90LWEtY3Vyc29y');
    expect(bad.status).toBe(400);
    // A time not as the server writes it (an offset, no zone) would be read two ways.
    for (const at of ['2026-11-29T09:00:00+02:00', '2026-11-29T08:00:00', 'tomorrow']) {
      const cursor = Buffer.from(JSON.stringify([1, at, 'x'])).toString('base64url');
      const odd = await inboxRequest(t, cookie, 'GET', `/inquiries?q=visitor&cursor=${cursor}`);
      expect(odd.status, at).toBe(400);
    }
  });
});

describe('marking an inquiry read', () => {
  it('leaves a status changed since it was read: a new one becomes open only if still new', async () => {
    const { id } = await sendInquiry(t);
    const stale = await t.store.findInquiry(id);
    await t.store.updateInquiry(id, { status: 'spam' });
    await markRead({ ...t, secret: SECRET, clock: () => t.now.value }, stale!);
    expect(await t.store.findInquiry(id)).toMatchObject({ status: 'spam', unread: false });
  });
});

describe('one inquiry', () => {
  it('shows every detail and the visitor local time, and reading it opens it', async () => {
    const { id } = await sendInquiry(t);
    const detail = await get<InquiryDetail>(`/inquiries/${id}`);
    expect(detail).toMatchObject({
      status: 'new',
      unread: true,
      visitor: { name: 'Jane Buyer', phone: '+49 30 1234567' },
      products: [{ name: 'Ball Valve DN50', quantity: 500, unit: 'pieces' }],
      quantity: null,
      page: { url: 'https://hengda.example/news/1', referrer: 'https://search.example/' },
      visitorLocalTime: 'Sun, 29 Nov 2026, 09:00 (Europe/Berlin)',
      rep: { name: 'Mr. Moore Liu' },
      messages: [{ kind: 'visitor', channel: 'widget' }],
    });
    expect((await inboxRequest(t, cookie, 'POST', `/inquiries/${id}/read`)).status).toBe(204);
    expect(await get<InquiryDetail>(`/inquiries/${id}`)).toMatchObject({
      status: 'open',
      unread: false,
    });
  });

  it('a reply is stored, queued for the visitor once, and leaves the inquiry waiting', async () => {
    const { id } = await sendInquiry(t);
    const res = await inboxRequest(t, cookie, 'POST', `/inquiries/${id}/messages`, {
      body: 'Dear Jane, our price is USD 12.50 per piece.',
      kind: 'reply',
    });
    expect(res.status).toBe(201);
    expect((await res.json()) as InboxMessage).toMatchObject({
      kind: 'rep',
      authorName: 'Mr. Moore Liu',
      channel: 'inbox',
    });
    expect(await get<InquiryDetail>(`/inquiries/${id}`)).toMatchObject({ status: 'waiting' });
    expect(await deliveriesOf(VISITOR_REPLY)).toHaveLength(1);
  });

  it('a reply sent again with its Idempotency-Key is stored and mailed once', async () => {
    const { id } = await sendInquiry(t);
    const reply = { body: 'Dear Jane, our price is USD 12.50 per piece.', kind: 'reply' };
    const send = (body: unknown, key: string) =>
      inboxRequest(t, cookie, 'POST', `/inquiries/${id}/messages`, body, {
        'Idempotency-Key': key,
      });
    const first = await send(reply, 'reply-key-1');
    const again = await send(reply, 'reply-key-1');
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    const message = (await first.json()) as InboxMessage;
    expect((await again.json()) as InboxMessage).toEqual(message);
    const detail = await get<InquiryDetail>(`/inquiries/${id}`);
    expect(detail.messages.filter((m) => m.kind === 'rep').map((m) => m.id)).toEqual([message.id]);
    expect(await deliveriesOf(VISITOR_REPLY)).toHaveLength(1);

    // The same key for other words is refused; a malformed key too.
    const other = await send({ ...reply, body: 'Another price.' }, 'reply-key-1');
    expect(other.status).toBe(422);
    expect(((await other.json()) as ErrorBody).error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await send(reply, 'bad key with spaces')).status).toBe(400);
    expect(await deliveriesOf(VISITOR_REPLY)).toHaveLength(1);
  });

  it('a note is internal: no mail, no status change', async () => {
    const { id } = await sendInquiry(t);
    await inboxRequest(t, cookie, 'POST', `/inquiries/${id}/messages`, {
      body: 'Check stock first.',
      kind: 'note',
    });
    const detail = await get<InquiryDetail>(`/inquiries/${id}`);
    expect(detail.status).toBe('new');
    expect(detail.messages.map((m) => m.kind)).toEqual(['visitor', 'note']);
    expect(await deliveriesOf(VISITOR_REPLY)).toHaveLength(0);
  });

  it('changes status with a system event in the thread', async () => {
    const { id } = await sendInquiry(t);
    const res = await inboxRequest(t, cookie, 'PATCH', `/inquiries/${id}`, { status: 'closed' });
    expect(res.status).toBe(200);
    const detail = (await res.json()) as InquiryDetail;
    expect(detail.status).toBe('closed');
    expect(detail.messages.at(-1)).toMatchObject({
      kind: 'system',
      body: 'Status changed to closed by Mr. Moore Liu',
    });
  });

  it('lets admins reassign (the new rep is mailed), and refuses reps', async () => {
    const ana = await addRep(t, { email: 'ana@hengda.example', name: 'Ms. Ana Wu' });
    const { id } = await sendInquiry(t);
    const res = await inboxRequest(t, cookie, 'PATCH', `/inquiries/${id}`, { repId: ana.id });
    expect(res.status).toBe(200);
    expect(((await res.json()) as InquiryDetail).rep).toEqual({ id: ana.id, name: 'Ms. Ana Wu' });
    const notifications = await deliveriesOf(REP_NOTIFICATION);
    expect(notifications).toHaveLength(2);

    const anaCookie = await signInAs(t, 'ana@hengda.example');
    const list = (await (
      await inboxRequest(t, anaCookie, 'GET', '/inquiries')
    ).json()) as InquiryPage;
    expect(list.items.map((i) => i.id)).toEqual([id]);
    const moore = await t.store.findRepByEmail(MOORE);
    const refused = await inboxRequest(t, anaCookie, 'PATCH', `/inquiries/${id}`, {
      repId: moore?.id,
    });
    expect(refused.status).toBe(403);
    const other = await addRep(t, { email: 'x@other.example', siteKey: 'other' });
    const wrongSite = await inboxRequest(t, cookie, 'PATCH', `/inquiries/${id}`, {
      repId: other.id,
    });
    expect(wrongSite.status).toBe(400);
  });

  it('refuses bad input with field messages', async () => {
    const { id } = await sendInquiry(t);
    for (const body of [
      { body: '', kind: 'reply' },
      { body: 'x', kind: 'shout' },
      { body: 'x', kind: 'reply', extra: 1 },
    ]) {
      const res = await inboxRequest(t, cookie, 'POST', `/inquiries/${id}/messages`, body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as ErrorBody).error.fields).toBeDefined();
    }
    const status = await inboxRequest(t, cookie, 'PATCH', `/inquiries/${id}`, {
      status: 'archived',
    });
    expect(status.status).toBe(400);
    expect(ORIGIN).toBe('http://localhost:8787');
  });
});
