import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listen, nodeListener } from '../support/http-listener';
import {
  addRep,
  inboxRequest,
  sendInquiry,
  signInAs,
  signInAsDemoAdmin,
} from '../support/inbox-client';
import { openSse, type SseClient } from '../support/sse-client';
import { createTestApp, PUBLIC_URL, type TestApp } from '../support/test-app';
import { opsApp } from './ops-app';

// The inbox's live stream (GET /api/inbox/events) asks at each heartbeat whether its rep may
// still see it: signed out, deactivated or given another role, the stream ends (http/sse.ts
// stillAllowed). Over real HTTP, through the inbox route, with a 50 ms heartbeat.

let t: TestApp;
let close: () => Promise<void>;
let base: string;
const open: SseClient[] = [];

beforeEach(async () => {
  t = await createTestApp();
  const app = opsApp(t, { liveHeartbeatMs: 50 });
  ({ base, close } = await listen(nodeListener(app.fetch)));
});
afterEach(async () => {
  for (const client of open.splice(0)) client.close();
  await close();
  await t.close();
});

async function streamOf(cookie: string): Promise<SseClient> {
  const client = await openSse(`${base}/api/inbox/events`, { Cookie: cookie });
  open.push(client);
  return client;
}

/** Whether the stream ended within `ms`. */
const endsWithin = (client: SseClient, ms: number) =>
  Promise.race([
    client.ended.then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms)),
  ]);

describe("the inbox's live stream", () => {
  it('goes on while its rep may see it, and ends once they sign out', async () => {
    await addRep(t, { email: 'admin@demo.example', role: 'admin' });
    const cookie = await signInAs(t, 'admin@demo.example');
    const client = await streamOf(cookie);
    expect(await endsWithin(client, 300)).toBe(false);
    const sent = await sendInquiry(t);
    await client.waitFor((e) => (e as { inquiryId?: string }).inquiryId === sent.id);

    const res = await fetch(`${base}/api/inbox/auth/sign-out`, {
      method: 'POST',
      headers: { Cookie: cookie, Origin: PUBLIC_URL },
    });
    expect(res.status).toBe(204);
    expect(await endsWithin(client, 2_000)).toBe(true);
  });

  it('ends once its rep is deactivated', async () => {
    const rep = await addRep(t, { email: 'rep@demo.example' });
    const client = await streamOf(await signInAs(t, 'rep@demo.example'));
    expect(await endsWithin(client, 300)).toBe(false);
    await t.store.setRepActive(rep.id, false);
    expect(await endsWithin(client, 2_000)).toBe(true);
  });

  it('ends once its rep is given another role (another scope of events)', async () => {
    const rep = await addRep(t, { email: 'admin@demo.example', role: 'admin' });
    const client = await streamOf(await signInAs(t, 'admin@demo.example'));
    expect(await endsWithin(client, 300)).toBe(false);
    await t.store.updateRep(rep.id, { role: 'rep' });
    expect(await endsWithin(client, 2_000)).toBe(true);
  });

  it('tells the former rep of an inquiry handed to another, so it leaves their list', async () => {
    const ana = await addRep(t, { email: 'ana@demo.example' });
    const bo = await addRep(t, { email: 'bo@demo.example' });
    const admin = await signInAsDemoAdmin(t);
    const { id } = await sendInquiry(t);
    const handTo = async (repId: string) =>
      expect((await inboxRequest(t, admin, 'PATCH', `/inquiries/${id}`, { repId })).status).toBe(
        200,
      );
    await handTo(ana.id);
    const client = await streamOf(await signInAs(t, 'ana@demo.example'));
    await handTo(bo.id);
    await client.waitFor((e) => (e as { inquiryId?: string }).inquiryId === id);
  });
});
