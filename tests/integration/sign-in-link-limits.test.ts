import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  LINK_REQUEST_LIMITS,
  requestSignInLink,
  SIGN_IN_LINK,
  signInUrl,
} from '../../server/domain/sign-in-link';
import type { Store } from '../../server/storage/store';
import { addRep, inboxRequest } from '../support/inbox-client';
import { createTestApp, SECRET, type TestApp } from '../support/test-app';

// Sign-in link requests (found in review: 200 requests for one rep queued 200 mails, and the
// answer took 4.8 ms for an account against 1.1 ms for none on PostgreSQL).

const ANNA = 'anna@demo.example';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
  await addRep(t, { email: ANNA });
});
afterEach(async () => {
  await t.close();
});

const minutes = (n: number) => {
  t.now.value = new Date(t.now.value.getTime() + n * 60_000);
};
const ask = (email: string) => inboxRequest(t, null, 'POST', '/auth/link', { email });
const links = async () =>
  (
    await t.db
      .selectFrom('deliveries')
      .select('payload')
      .where('kind', '=', SIGN_IN_LINK)
      .orderBy('createdAt')
      .execute()
  ).map((d) => JSON.parse(d.payload) as { linkId: string; repId: string });
const deps = (store: Store = t.store) => ({
  store,
  clock: () => t.now.value,
  newId: t.newId,
  secret: SECRET,
});

describe('asking for sign-in links', () => {
  it('a flood for one rep queues one mail (a few at most), each request answered 202', async () => {
    const answers = await Promise.all(Array.from({ length: 200 }, () => ask(ANNA)));
    expect(new Set(answers.map((r) => r.status))).toEqual(new Set([202]));
    const mailed = await links();
    // One, or a few when requests at the same moment on PostgreSQL each miss the other's link.
    expect(mailed.length).toBeGreaterThanOrEqual(1);
    expect(mailed.length).toBeLessThanOrEqual(LINK_REQUEST_LIMITS.perEmail.limit);
    expect(mailed[0]?.repId).toBe(`rep-${ANNA}`);
  });

  it('mails no new link while a recent one is unused, and again once it is used or older', async () => {
    // Many addresses: the limits per address do not come into it.
    const request = (n: number) => requestSignInLink(deps(), { email: ANNA, address: `a${n}` });
    await request(1);
    minutes(1);
    await request(2);
    expect(await links()).toHaveLength(1);

    // Used: the next request mails a new one at once.
    const [first] = await links();
    const token = signInUrl('', SECRET, first?.linkId ?? '').split('#')[1];
    expect((await inboxRequest(t, null, 'POST', '/auth/link/sign-in', { token })).status).toBe(200);
    await request(3);
    expect(await links()).toHaveLength(2);

    // Unused but older than two minutes: mailed again.
    minutes(2);
    await request(4);
    expect(await links()).toHaveLength(3);
    // Up to the limit of requests for one email in a window (the first four count too).
    const { limit } = LINK_REQUEST_LIMITS.perEmail;
    for (let n = 5; n <= limit; n++) {
      minutes(2);
      await request(n);
      expect(await links()).toHaveLength(n - 1);
    }
    minutes(2);
    await request(limit + 1);
    expect(await links()).toHaveLength(limit - 1);
    // The next window.
    minutes(15);
    await request(limit + 2);
    expect(await links()).toHaveLength(limit);
  });

  it('limits the requests from one address, for any emails', async () => {
    const reps = await Promise.all(
      Array.from({ length: LINK_REQUEST_LIMITS.perAddress.limit + 2 }, (_, i) =>
        addRep(t, { email: `rep${i}@demo.example` }),
      ),
    );
    for (const rep of reps) expect((await ask(rep.email)).status).toBe(202);
    expect(await links()).toHaveLength(LINK_REQUEST_LIMITS.perAddress.limit);
  });

  it('answers the same for an account and for none', async () => {
    const known = await ask(ANNA);
    const unknown = await ask('nobody@demo.example');
    const shape = async (r: Response) => ({
      status: r.status,
      body: await r.text(),
      headers: [...r.headers.keys()].filter((h) => h !== 'x-request-id'),
    });
    expect(await shape(unknown)).toEqual(await shape(known));
  });

  it('asks the store the same, statement for statement, for an account and for none', async () => {
    const calls = async (email: string, address: string) => {
      const made: string[] = [];
      const recording = new Proxy(t.store, {
        get(target, name, receiver) {
          const value: unknown = Reflect.get(target, name, receiver);
          if (typeof value !== 'function') return value;
          return (...args: unknown[]) => {
            made.push(String(name));
            return Reflect.apply(value, target, args);
          };
        },
      });
      await requestSignInLink(deps(recording), { email, address });
      return made;
    };
    const forAccount = await calls(ANNA, 'x1');
    const forNone = await calls('nobody@demo.example', 'x2');
    expect(forNone).toEqual(forAccount);
    // ...and only the account got a link.
    expect(await links()).toHaveLength(1);
  });
});
