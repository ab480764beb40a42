import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InquiryInput } from '../../contract';
import { receiveInquiry } from '../../server/domain/inquiries';
import { addRep, sendInquiry } from '../support/inbox-client';
import { createTestApp, inquiryBody, SECRET, type TestApp } from '../support/test-app';

// Inquiries arriving together are routed before any of them is written (they share a commit):
// a rep's open count, read before routing, must count those this process is still writing.

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

const burst = (n: number) =>
  Promise.all(
    Array.from({ length: n }, (_, i) => sendInquiry(t, { email: `buyer${i}@burst.example` })),
  );

const assignedTo = async () => {
  const rows = await t.db.selectFrom('inquiries').select('repId').execute();
  const counts = new Map<string | null, number>();
  for (const { repId } of rows) counts.set(repId, (counts.get(repId) ?? 0) + 1);
  return counts;
};

describe('a burst of inquiries', () => {
  it("keeps to a rep's cap on open inquiries", async () => {
    const moore = await t.store.findRepByEmail('moore.liu@example.com');
    await t.store.updateRepProfile(moore!.id, { maxOpen: 1 });
    await burst(5);
    // One for Moore; the rest wait in the unassigned queue.
    expect((await assignedTo()).get(moore!.id)).toBe(1);
  });

  it('counts an inquiry written while another routing was still reading', async () => {
    const moore = await t.store.findRepByEmail('moore.liu@example.com');
    await t.store.updateRepProfile(moore!.id, { maxOpen: 1 });
    const site = (await t.store.findSiteByKey('demo'))!;
    // A's read of the open counts is held until B has been routed and written.
    const read = t.store.openCounts.bind(t.store);
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let reads = 0;
    t.store.openCounts = async (siteId) => {
      const counts = await read(siteId);
      if (++reads === 1) await gate;
      return counts;
    };
    const deps = { ...t, secret: SECRET, clock: () => t.now.value };
    const receive = (email: string) =>
      receiveInquiry(deps, site, InquiryInput.parse(inquiryBody({ email })), { minFormMs: 0 });
    const a = receive('a@burst.example');
    while (reads === 0) await new Promise((resolve) => setImmediate(resolve));
    await receive('b@burst.example');
    release();
    await a;
    expect((await assignedTo()).get(moore!.id)).toBe(1);
  });

  it('is spread over a least-open team', async () => {
    const moore = await t.store.findRepByEmail('moore.liu@example.com');
    // Moore has two open already, Ana none.
    for (const email of ['one@before.example', 'two@before.example'])
      await sendInquiry(t, { email });
    const ana = await addRep(t, { email: 'ana@hengda.example', name: 'Ms. Ana Wu' });
    const site = await t.store.findSiteByKey('demo');
    await t.store.saveTeam({
      id: 'team-sales',
      siteId: site!.id,
      name: 'Sales',
      distribution: 'least-open',
      memberIds: [moore!.id, ana.id],
    });
    await t.store.updateSite(site!.id, { defaultTeamId: 'team-sales', defaultRepId: null });
    await burst(4);
    const counts = await assignedTo();
    expect([counts.get(moore!.id), counts.get(ana.id)]).toEqual([3, 3]);
  });
});
