import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addRepMessage, addVisitorMessage } from '../../server/domain/conversation';
import type { Inquiry } from '../../server/storage/store';
import { sendInquiry } from '../support/inbox-client';
import { createTestApp, type TestApp } from '../support/test-app';

// A message is written from the inquiry as its request read it; a rep (or a filter) may have
// changed the inquiry in between. The status it leaves is decided as it is written.
let t: TestApp;
beforeEach(async () => {
  t = await createTestApp({ minFormMs: 0 });
});
afterEach(async () => {
  await t.close();
});

const deps = () => ({ store: t.store, clock: () => t.now.value, newId: t.newId, events: t.events });

/** The inquiry as a request read it, and then a change by someone else. */
async function readThenChanged(status: Inquiry['status']): Promise<Inquiry> {
  const { id } = await sendInquiry(t);
  const read = await t.store.findInquiry(id);
  if (!read) throw new Error('the inquiry is not stored');
  await t.store.updateInquiry(id, { status });
  return read;
}

describe('a message written after the inquiry changed', () => {
  it('a visitor follow-up reopens an inquiry a rep closed meanwhile', async () => {
    const read = await readThenChanged('closed');
    expect(read.status).toBe('new');
    await addVisitorMessage(deps(), read, 'Any news on the quote?', 'widget');
    expect(await t.store.findInquiry(read.id)).toMatchObject({ status: 'open', unread: true });
  });

  it('a visitor follow-up leaves an inquiry a rep opened meanwhile open, and a new one new', async () => {
    const read = await readThenChanged('open');
    await addVisitorMessage(deps(), { ...read, status: 'closed' }, 'Still there?', 'widget');
    expect((await t.store.findInquiry(read.id))?.status).toBe('open');
    const { id } = await sendInquiry(t, { email: 'other@buyer.example' });
    const fresh = await t.store.findInquiry(id);
    await addVisitorMessage(deps(), fresh!, 'One more detail', 'widget');
    expect((await t.store.findInquiry(id))?.status).toBe('new');
  });

  it('a rep reply does not take an inquiry marked as spam meanwhile out of spam', async () => {
    const read = await readThenChanged('spam');
    const moore = await t.store.findRepByEmail('moore.liu@example.com');
    await addRepMessage(deps(), moore!, read, 'Thank you, here is our offer.', 'reply', 'inbox');
    expect((await t.store.findInquiry(read.id))?.status).toBe('spam');
  });

  it('a rep reply puts an inquiry that is not spam in waiting, whatever it was read as', async () => {
    const read = await readThenChanged('closed');
    const moore = await t.store.findRepByEmail('moore.liu@example.com');
    await addRepMessage(deps(), moore!, read, 'Here is our offer.', 'reply', 'inbox');
    expect((await t.store.findInquiry(read.id))?.status).toBe('waiting');
  });
});

describe('a message written after the inquiry was deleted', () => {
  it('is refused as not found (404), not a 500, and stores nothing', async () => {
    const { id } = await sendInquiry(t);
    const read = await t.store.findInquiry(id);
    if (!read) throw new Error('the inquiry is not stored');
    // The retention purge (or an erasure) deletes it between the request's read and write.
    await t.store.deleteInquiries([id]);
    await expect(addVisitorMessage(deps(), read, 'Still there?', 'widget')).rejects.toMatchObject({
      code: 'CONVERSATION_NOT_FOUND',
    });
    const moore = await t.store.findRepByEmail('moore.liu@example.com');
    await expect(
      addRepMessage(deps(), moore!, read, 'Our offer.', 'reply', 'inbox'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await t.db.selectFrom('messages').selectAll().where('inquiryId', '=', id).execute(),
    ).toEqual([]);
  });
});
