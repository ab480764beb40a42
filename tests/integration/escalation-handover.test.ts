import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { escalateOverdue } from '../../server/domain/escalation';
import { addRep, inboxRequest, sendInquiry, signInAsDemoAdmin } from '../support/inbox-client';
import { advanceHours, escalationDeps } from '../support/escalation-clock';
import { createTestApp, type TestApp } from '../support/test-app';

// The promise of a first reply runs from when the inquiry reached its rep (migration 0020): an
// inquiry let through from spam, or handed to another rep, is not escalated on the old clock.

let t: TestApp;
let admin: string;
beforeEach(async () => {
  t = await createTestApp();
  admin = await signInAsDemoAdmin(t);
});
afterEach(() => t.close());

const deps = () => escalationDeps(t);
const hours = (n: number) => advanceHours(t, n);
const patch = async (id: string, body: Record<string, unknown>) => {
  const res = await inboxRequest(t, admin, 'PATCH', `/inquiries/${id}`, body);
  expect(res.status, await res.clone().text()).toBe(200);
};

describe('the promise of a reply', () => {
  it('runs from "Not spam" for an inquiry held as spam', async () => {
    const { id } = await sendInquiry(t, { client: { honeypot: 'buy now' } });
    hours(30);
    await patch(id, { status: 'new' });
    expect(await escalateOverdue(deps())).toBe(0);
    hours(23);
    expect(await escalateOverdue(deps())).toBe(0);
    hours(2);
    expect(await escalateOverdue(deps())).toBe(1);
  });

  it('runs afresh for the rep an inquiry is handed to', async () => {
    const ana = await addRep(t, { email: 'ana@hengda.example', name: 'Ms. Ana Wu' });
    const { id } = await sendInquiry(t);
    hours(23);
    await patch(id, { repId: ana.id });
    hours(2);
    expect(await escalateOverdue(deps())).toBe(0);
    hours(23);
    expect(await escalateOverdue(deps())).toBe(1);
  });

  it('runs from its arrival otherwise', async () => {
    await sendInquiry(t);
    hours(23);
    expect(await escalateOverdue(deps())).toBe(0);
    hours(2);
    expect(await escalateOverdue(deps())).toBe(1);
  });
});
