import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdminStats } from '../../contract';
import type { NewDelivery } from '../../server/storage/store';
import { addRep, inboxRequest, sendInquiry, signInAs } from '../support/inbox-client';
import { createTestApp, type TestApp } from '../support/test-app';

// The admin's undelivered list looked at the latest 200 failures across all sites (found in
// review): a site's admin saw an empty or partial list while another site had many failures.

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

const minutes = (n: number) => {
  t.now.value = new Date(t.now.value.getTime() + n * 60_000);
};

/** Queues deliveries at the current time and fails them for good; returns their ids. */
async function failed(...deliveries: Array<Omit<NewDelivery, 'id' | 'dedupeKey'>>) {
  const rows = deliveries.map((d) => {
    const id = t.newId();
    return { ...d, id, dedupeKey: `test:${id}` };
  });
  await t.store.enqueue(rows, t.now.value.toISOString());
  const ids = rows.map((r) => r.id);
  await t.db.updateTable('deliveries').set({ state: 'failed' }).where('id', 'in', ids).execute();
  return ids;
}

const undelivered = async (cookie: string) => {
  const res = await inboxRequest(t, cookie, 'GET', '/admin/stats');
  expect(res.status).toBe(200);
  return ((await res.json()) as AdminStats).undelivered;
};

describe("an admin's undelivered list", () => {
  it("holds the site's own failures, however many another site has", async () => {
    await addRep(t, { email: 'admin@demo.example', role: 'admin' });
    const otherAdmin = await addRep(t, {
      email: 'admin@other.example',
      siteKey: 'other',
      role: 'admin',
    });
    const demo = await t.store.findSiteByKey('demo');
    const other = await t.store.findSiteByKey('other');
    if (!demo || !other) throw new Error('no sites');

    // The demo site's failures: an inquiry's mail, a sign-in link (its rep's), a webhook test.
    const ours = await sendInquiry(t);
    const demoRep = await t.store.findRepByEmail('admin@demo.example');
    const mine = await failed(
      { kind: 'visitor-ack', siteId: demo.id, inquiryId: ours.id, payload: { inquiryId: ours.id } },
      {
        kind: 'sign-in-link',
        siteId: demo.id,
        inquiryId: null,
        payload: { linkId: t.newId(), repId: demoRep?.id },
      },
      {
        kind: 'webhook',
        siteId: demo.id,
        inquiryId: null,
        payload: { siteId: demo.id, webhookId: 'w1', test: true },
      },
    );

    // Then 250 newer failures of the other site: its inquiry's, its rep's and its own.
    minutes(1);
    const theirs = await sendInquiry(t);
    await t.db
      .updateTable('inquiries')
      .set({ siteId: other.id })
      .where('id', '=', theirs.id)
      .execute();
    const theirIds = [
      ...(await failed(
        ...Array.from({ length: 248 }, () => ({
          kind: 'visitor-reply',
          siteId: other.id,
          inquiryId: theirs.id,
          payload: { inquiryId: theirs.id, messageId: t.newId() },
        })),
      )),
      ...(await failed(
        {
          kind: 'sign-in-link',
          siteId: other.id,
          inquiryId: null,
          payload: { linkId: t.newId(), repId: otherAdmin.id },
        },
        {
          kind: 'webhook',
          siteId: other.id,
          inquiryId: null,
          payload: { siteId: other.id, webhookId: 'w2', test: true },
        },
      )),
    ];

    const demoList = await undelivered(await signInAs(t, 'admin@demo.example'));
    expect(demoList.map((d) => d.id).sort()).toEqual([...mine].sort());
    expect(demoList.filter((d) => d.inquiryId === ours.id)).toHaveLength(1);

    const otherList = await undelivered(await signInAs(t, 'admin@other.example'));
    expect(otherList).toHaveLength(200);
    expect(otherList.every((d) => theirIds.includes(d.id))).toBe(true);
    // Newest first.
    const times = otherList.map((d) => d.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });
});
