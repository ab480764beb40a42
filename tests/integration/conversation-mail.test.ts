import { describe, expect, it } from 'vitest';
import {
  cookie,
  detail,
  DOMAIN,
  mailIn,
  replyToken,
  sink,
  t,
  useConversationApp,
  worker,
} from '../support/conversation-app';
import { inboxRequest, sendInquiry } from '../support/inbox-client';
import { addressOf } from '../support/smtp-sink';
import { PUBLIC_URL, rowCounts } from '../support/test-app';

// A conversation by mail: each side's answer to the reply address joins the thread as that
// person, while they have the inquiry.

useConversationApp();

describe('the conversation by mail', () => {
  it('goes back and forth by mail: rep reply, visitor answer, rep answer', async () => {
    const { id, token } = await sendInquiry(t);
    // 1. The rep's notification: Reply-To is the rep's own reply address.
    await worker.runOnce();
    const notification = await sink.waitFor((m) => addressOf(m.to) === 'moore.liu@example.com');
    const repToken = replyToken(addressOf(notification.replyTo));
    expect(repToken).toMatch(/^[a-z2-7]{26}$/);
    expect(repToken).not.toBe(token);

    // 2. The rep answers in the inbox: the visitor gets it from the rep's name, with the link.
    await inboxRequest(t, cookie, 'POST', `/inquiries/${id}/messages`, {
      body: 'Dear Jane, USD 12.50 FOB.',
      kind: 'reply',
    });
    await worker.runOnce();
    const toVisitor = await sink.waitFor(
      (m) => addressOf(m.to) === 'jane@buyer.example' && (m.subject ?? '').startsWith('Re: '),
    );
    expect(toVisitor.from?.value[0]).toMatchObject({
      name: 'Mr. Moore Liu',
      address: 'liaison@localhost',
    });
    expect(addressOf(toVisitor.replyTo)).toBe(`reply+${token}@${DOMAIN}`);
    expect(toVisitor.text).toContain('Dear Jane, USD 12.50 FOB.');
    expect(toVisitor.text).toContain(`${PUBLIC_URL}/c/${token}`);

    // 3. The visitor answers that mail; the quoted history is cut.
    await mailIn(
      `reply+${token}@${DOMAIN}`,
      'Jane Buyer <jane@buyer.example>',
      'Great, please send a proforma invoice.\n\nOn Sun, 29 Nov 2026 at 09:00, Mr. Moore Liu wrote:\n> Dear Jane, USD 12.50 FOB.',
    );
    let thread = await detail(id);
    expect(thread.messages.at(-1)).toMatchObject({
      kind: 'visitor',
      channel: 'email',
      body: 'Great, please send a proforma invoice.',
    });
    expect(thread).toMatchObject({ status: 'open', unread: true });

    // 4. The rep answers the notification by mail: it joins the thread as his reply and goes on to Jane.
    await mailIn(
      `reply+${repToken}@${DOMAIN}`,
      'moore.liu@example.com',
      'Invoice attached to this mail, Jane.\n\n-- \nMoore',
    );
    thread = await detail(id);
    expect(thread.messages.at(-1)).toMatchObject({
      kind: 'rep',
      channel: 'email',
      authorName: 'Mr. Moore Liu',
    });
    expect(thread.messages.at(-1)?.body).toBe('Invoice attached to this mail, Jane.');
    await worker.runOnce();
    await sink.waitFor(
      (m) =>
        addressOf(m.to) === 'jane@buyer.example' && (m.text ?? '').includes('Invoice attached'),
    );
  });

  it('refuses mail to an unknown or forged reply address and stores nothing', async () => {
    const { token } = await sendInquiry(t);
    const before = await rowCounts(t.db);
    const forged = token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a');
    await expect(
      mailIn(`reply+${forged}@${DOMAIN}`, 'x@evil.example', 'I am Jane'),
    ).rejects.toThrow(/550/);
    await expect(mailIn(`reply+${token}@evil.example`, 'x@evil.example', 'hello')).rejects.toThrow(
      /550/,
    );
    expect(await rowCounts(t.db)).toEqual(before);
  });

  it('stops taking mail from a rep who no longer has the inquiry', async () => {
    const { id } = await sendInquiry(t);
    await worker.runOnce();
    const notification = await sink.waitFor((m) => addressOf(m.to) === 'moore.liu@example.com');
    const repToken = replyToken(addressOf(notification.replyTo));
    const ana = await t.store.findRepByEmail('moore.liu@example.com');
    await t.store.createRep({
      ...ana!,
      id: 'rep-ana',
      handle: 'ana',
      email: 'ana@hengda.example',
      name: 'Ms. Ana Wu',
      role: 'rep',
    });
    await inboxRequest(t, cookie, 'PATCH', `/inquiries/${id}`, { repId: 'rep-ana' });
    await expect(
      mailIn(`reply+${repToken}@${DOMAIN}`, 'moore.liu@example.com', 'Old rep answering'),
    ).rejects.toThrow(/550/);
  });
});

describe('an inquiry handed back to a rep who had it', () => {
  it('mails them again, with a reply address that works', async () => {
    const { id } = await sendInquiry(t);
    await worker.runOnce();
    const moore = await t.store.findRepByEmail('moore.liu@example.com');
    await t.store.createRep({
      ...moore!,
      id: 'rep-ana',
      handle: 'ana',
      email: 'ana@hengda.example',
      name: 'Ms. Ana Wu',
      role: 'rep',
    });
    for (const repId of ['rep-ana', moore!.id]) {
      const res = await inboxRequest(t, cookie, 'PATCH', `/inquiries/${id}`, { repId });
      expect(res.status).toBe(200);
      await worker.runOnce();
    }
    expect(sink.mails.filter((m) => addressOf(m.to) === 'ana@hengda.example')).toHaveLength(1);
    const toMoore = sink.mails.filter((m) => addressOf(m.to) === 'moore.liu@example.com');
    expect(toMoore).toHaveLength(2);
    const token = replyToken(addressOf(toMoore[1]?.replyTo));
    await mailIn(`reply+${token}@${DOMAIN}`, 'moore.liu@example.com', 'Back with me: quoting now.');
    const thread = await t.store.listMessages(id);
    expect(thread.at(-1)).toMatchObject({ authorKind: 'rep', body: 'Back with me: quoting now.' });
  });
});
