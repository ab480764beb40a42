import { afterEach, describe, expect, it } from 'vitest';
import type { ErrorBody, InquiryCreated } from '../../contract';
import { hashPassword } from '../../server/auth/passwords';
import { addRep, inboxRequest, signInAs } from '../support/inbox-client';
import { createTestApp, inquiryBody, rowCounts, type TestApp } from '../support/test-app';

let t: TestApp;
afterEach(async () => {
  await t.close();
});

const post = (body: unknown, path = '/api/v1/sites/demo/inquiries') =>
  t.app.request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
const kinds = async (inquiryId: string) =>
  (await t.db.selectFrom('deliveries').select(['kind', 'payload']).execute())
    .filter((d) => d.payload.includes(inquiryId))
    .map((d) => d.kind)
    .sort();

describe('rate limits', () => {
  it('refuses the sixth inquiry a minute from one address with 429 and Retry-After, storing nothing', async () => {
    t = await createTestApp({ ipPerMinute: 5 });
    t.now.value = new Date('2026-11-29T08:00:10Z');
    for (let i = 0; i < 5; i++)
      expect((await post(inquiryBody({ email: `b${i}@buyer.example` }))).status).toBe(201);
    const before = await rowCounts(t.db);
    const refused = await post(inquiryBody());
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe('50');
    expect(((await refused.json()) as ErrorBody).error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(await rowCounts(t.db)).toEqual(before);
    t.now.value = new Date('2026-11-29T08:01:00Z');
    expect((await post(inquiryBody())).status).toBe(201);
  });

  it('limits a site as a whole', async () => {
    t = await createTestApp({ sitePerMinute: 2 });
    expect((await post(inquiryBody())).status).toBe(201);
    expect((await post(inquiryBody())).status).toBe(201);
    expect((await post(inquiryBody())).status).toBe(429);
  });

  it('limits a visitor’s follow-ups in one conversation: each mails the rep', async () => {
    t = await createTestApp({ messagesPerMinute: 3 });
    t.now.value = new Date('2026-11-29T08:00:30Z');
    const { id, token } = (await (await post(inquiryBody())).json()) as InquiryCreated;
    const followUp = (body: string) => post({ body }, `/api/v1/conversations/${token}/messages`);
    for (let i = 0; i < 3; i++) expect((await followUp(`Still there? ${i}`)).status).toBe(201);
    const before = await rowCounts(t.db);
    const refused = await followUp('And again');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe('30');
    expect(((await refused.json()) as ErrorBody).error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(await rowCounts(t.db)).toEqual(before);
    expect((await kinds(id)).filter((k) => k === 'rep-notification')).toHaveLength(4);
    t.now.value = new Date('2026-11-29T08:01:00Z');
    expect((await followUp('A minute later')).status).toBe(201);
  });
});

describe('spam signals', () => {
  it.each([
    [
      'a filled honeypot',
      { honeypot: 'http://cheap-pills.example', elapsedMs: 9000 },
      /hidden field/,
    ],
    ['a form sent in under two seconds', { elapsedMs: 800 }, /800 ms/],
  ])(
    '%s is accepted quietly but held as spam: no mail to anyone',
    async (_name, client, reason) => {
      t = await createTestApp();
      const res = await post(inquiryBody({ client }));
      expect(res.status).toBe(201);
      const { id } = (await res.json()) as InquiryCreated;
      const inquiry = await t.store.findInquiry(id);
      expect(inquiry).toMatchObject({ status: 'spam', unread: false });
      expect(inquiry?.assignmentReason).toMatch(reason);
      expect(await kinds(id)).toEqual([]);
    },
  );

  it('judges only the signals a request carries: a site owner’s own form is not spam', async () => {
    t = await createTestApp();
    const { id } = (await (await post(inquiryBody())).json()) as InquiryCreated;
    expect((await t.store.findInquiry(id))?.status).toBe('new');
    const human = (await (
      await post(inquiryBody({ client: { honeypot: '', elapsedMs: 45_000 } }))
    ).json()) as InquiryCreated;
    expect((await t.store.findInquiry(human.id))?.status).toBe('new');
  });

  it('"Not spam" returns it to new and delivers what was held back', async () => {
    t = await createTestApp();
    const moore = await t.store.findRepByEmail('moore.liu@example.com');
    await t.store.setPasswordHash(moore?.id ?? '', await hashPassword('password-123'));
    const cookie = await signInAs(t, 'moore.liu@example.com');
    const { id } = (await (
      await post(inquiryBody({ client: { elapsedMs: 500 } }))
    ).json()) as InquiryCreated;
    const spamList = await (await inboxRequest(t, cookie, 'GET', '/inquiries?status=spam')).json();
    expect(spamList).toMatchObject({ items: [{ id }], unreadCount: 0 });
    const res = await inboxRequest(t, cookie, 'PATCH', `/inquiries/${id}`, { status: 'new' });
    expect(res.status).toBe(200);
    expect((await t.store.findInquiry(id))?.status).toBe('new');
    expect(await kinds(id)).toEqual(['rep-notification', 'visitor-ack']);
  });

  it('held as spam and reassigned, mails nobody; "Not spam" then mails the new rep once', async () => {
    t = await createTestApp();
    const moore = await t.store.findRepByEmail('moore.liu@example.com');
    await t.store.setPasswordHash(moore?.id ?? '', await hashPassword('password-123'));
    const cookie = await signInAs(t, 'moore.liu@example.com');
    const ana = await addRep(t, { email: 'ana@hengda.example', name: 'Ms. Ana Wu' });
    const { id } = (await (
      await post(inquiryBody({ client: { elapsedMs: 500 } }))
    ).json()) as InquiryCreated;
    const moved = await inboxRequest(t, cookie, 'PATCH', `/inquiries/${id}`, { repId: ana.id });
    expect(moved.status).toBe(200);
    expect((await t.store.findInquiry(id))?.repId).toBe(ana.id);
    expect(await kinds(id)).toEqual([]);
    const res = await inboxRequest(t, cookie, 'PATCH', `/inquiries/${id}`, { status: 'new' });
    expect(res.status).toBe(200);
    expect(await kinds(id)).toEqual(['rep-notification', 'visitor-ack']);
  });

  it('mailed to its rep, then held as spam and reassigned: "Not spam" mails the new rep', async () => {
    t = await createTestApp();
    const moore = await t.store.findRepByEmail('moore.liu@example.com');
    await t.store.setPasswordHash(moore?.id ?? '', await hashPassword('password-123'));
    const cookie = await signInAs(t, 'moore.liu@example.com');
    const ana = await addRep(t, { email: 'ana@hengda.example', name: 'Ms. Ana Wu' });
    const { id } = (await (await post(inquiryBody())).json()) as InquiryCreated;
    const patch = (body: object) => inboxRequest(t, cookie, 'PATCH', `/inquiries/${id}`, body);
    expect((await patch({ status: 'spam' })).status).toBe(200);
    expect((await patch({ repId: ana.id })).status).toBe(200);
    expect((await patch({ status: 'new' })).status).toBe(200);
    const notices = await t.db
      .selectFrom('deliveries')
      .select('dedupeKey')
      .where('kind', '=', 'rep-notification')
      .where('inquiryId', '=', id)
      .execute();
    // Moore's on arrival; on "Not spam", Ana's (the handler mails the rep the inquiry has).
    expect(notices).toHaveLength(2);
  });
});
