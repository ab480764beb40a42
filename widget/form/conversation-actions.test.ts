import { describe, expect, test } from 'vitest';
import type { Conversation, ThreadMessage } from '../../contract/conversation';
import type { ConversationApi, InquiryApi, ConversationResult, ReplyResult } from '../api';
import { createActions } from './actions';
import { createConversationActions } from './conversation-actions';
import { en } from './i18n/en';
import { createState } from './state';
import { createThreadState } from './thread-state';
import { createTokenStore, type StorageLike } from './token-store';

const message = (id: string, author: ThreadMessage['author'], body = `Body ${id}`) => ({
  id,
  author,
  authorName: author === 'rep' ? 'Mr. Moore Liu' : null,
  body,
  createdAt: '2026-11-29T08:00:00.000Z',
});

const conversation = (...messages: ThreadMessage[]): Conversation => ({
  inquiryId: 'inq_1',
  site: { name: 'Hengda' },
  rep: { name: 'Mr. Moore Liu', title: 'Sales Manager', photoUrl: null },
  products: [],
  messages,
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Everything wired as in mountForm, with answers the test queues. */
function setup({ stored = null as string | null } = {}) {
  const items = new Map<string, string>();
  if (stored) items.set('liaison:demo:conversation', stored);
  const storage: StorageLike = {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
  const loads: ConversationResult[] = [];
  const replies: ReplyResult[] = [];
  const sent: { token: string; body: string; key: string }[] = [];
  const conversationApi: ConversationApi = {
    load: async () => loads.shift() ?? { ok: false, code: 'INTERNAL' },
    reply: async (token, input, key) => {
      sent.push({ token, body: input.body, key });
      return replies.shift() ?? { ok: false, code: 'INTERNAL' };
    },
    eventsUrl: (token) => `https://api.test/${token}/events`,
  };
  const api: InquiryApi = {
    submit: async () => ({
      ok: true,
      created: { id: 'inq_2', rep: { name: 'Mr. Moore Liu' }, token: 'tok_new' },
    }),
  };
  const tokens = createTokenStore({ site: 'demo', storage: () => storage });
  const state = createState();
  const thread = createThreadState(tokens.get());
  const form = createActions({
    state,
    api,
    texts: en,
    page: () => ({}),
    onCreated: (created) => actions.remember(created.token),
  });
  const actions = createConversationActions({
    state,
    thread,
    form,
    api: conversationApi,
    tokens,
    texts: en,
  });
  return { items, loads, replies, sent, state, thread, form, actions };
}

describe('open', () => {
  test('without a kept token: the blank form, and nothing written', () => {
    const { items, state, actions } = setup();
    actions.open();
    expect(state.view.value).toBe('form');
    expect(state.open.value).toBe(true);
    expect(items.size).toBe(0);
  });

  test('with a kept token: the thread, loaded', async () => {
    const { loads, state, thread, actions } = setup({ stored: 'tok_1' });
    loads.push({ ok: true, conversation: conversation(message('m1', 'visitor')) });
    actions.open();
    expect(state.view.value).toBe('thread');
    expect(thread.status.value).toBe('loading');
    await settle();
    expect(thread.status.value).toBe('ready');
    expect(thread.conversation.value?.messages).toHaveLength(1);
  });

  test('a product always opens the form, even with a thread', () => {
    const { state, actions } = setup({ stored: 'tok_1' });
    actions.open({ name: 'Ball Valve' });
    expect(state.view.value).toBe('form');
    expect(state.product.value).toEqual({ name: 'Ball Valve' });
  });

  test('an unknown or revoked token is forgotten: the blank form instead', async () => {
    const { items, loads, state, thread, actions } = setup({ stored: 'tok_gone' });
    loads.push({ ok: false, code: 'CONVERSATION_NOT_FOUND' });
    actions.open();
    await settle();
    expect(state.view.value).toBe('form');
    expect(state.open.value).toBe(true);
    expect(thread.token.value).toBeNull();
    expect(items.size).toBe(0);
  });

  test('another failure keeps the token and offers to try again', async () => {
    const { items, loads, thread, actions } = setup({ stored: 'tok_1' });
    loads.push({ ok: false, code: 'NETWORK' });
    actions.open();
    await settle();
    expect(thread.status.value).toBe('failed');
    expect(thread.failure.value).toBe('NETWORK');
    expect(items.size).toBe(1);
    loads.push({ ok: true, conversation: conversation() });
    actions.reload();
    await settle();
    expect(thread.status.value).toBe('ready');
  });
});

describe('after sending an inquiry', () => {
  test('the token is kept for the site, and View conversation shows the thread', async () => {
    const { items, loads, state, form, actions } = setup();
    actions.open();
    form.setValue('email', 'anna@example.de');
    form.setValue('message', 'We need 200 ball valves, DN50, PN40.');
    form.submit();
    await settle();
    expect(state.phase.value).toBe('sent');
    expect(items.get('liaison:demo:conversation')).toBe('tok_new');
    loads.push({ ok: true, conversation: conversation(message('m1', 'visitor')) });
    actions.showThread();
    expect(state.view.value).toBe('thread');
    // Leaving the sent state keeps who the visitor is for a next inquiry.
    expect(state.phase.value).toBe('editing');
    expect(state.values.value.email).toBe('anna@example.de');
  });

  test('a mail link token is kept as the visitor asked', () => {
    const { items, thread, actions } = setup({ stored: 'tok_old' });
    actions.remember('tok_link');
    expect(items.get('liaison:demo:conversation')).toBe('tok_link');
    expect(thread.token.value).toBe('tok_link');
  });
});

describe('live updates', () => {
  test("announces the rep's new replies, not the first load or the visitor's own", async () => {
    const { loads, thread, actions } = setup({ stored: 'tok_1' });
    loads.push({ ok: true, conversation: conversation(message('m1', 'visitor')) });
    actions.open();
    await settle();
    expect(thread.announcement.value).toBe('');
    loads.push({
      ok: true,
      conversation: conversation(message('m1', 'visitor'), message('m2', 'rep')),
    });
    actions.reload();
    await settle();
    expect(thread.announcement.value).toBe('New reply from Mr. Moore Liu');
    loads.push({
      ok: true,
      conversation: conversation(
        message('m1', 'visitor'),
        message('m2', 'rep'),
        message('m3', 'rep'),
        message('m4', 'rep'),
      ),
    });
    actions.reload();
    await settle();
    expect(thread.announcement.value).toBe('2 new replies from Mr. Moore Liu');
  });

  test('a refresh during a load runs once more afterwards', async () => {
    const { loads, thread, actions } = setup({ stored: 'tok_1' });
    loads.push(
      { ok: true, conversation: conversation(message('m1', 'visitor')) },
      { ok: true, conversation: conversation(message('m1', 'visitor'), message('m2', 'rep')) },
    );
    actions.open();
    actions.reload();
    actions.reload();
    await settle();
    await settle();
    expect(thread.conversation.value?.messages).toHaveLength(2);
    expect(loads).toHaveLength(0);
  });
});

describe('sendReply', () => {
  const ready = async () => {
    const context = setup({ stored: 'tok_1' });
    context.loads.push({ ok: true, conversation: conversation(message('m1', 'visitor')) });
    context.actions.open();
    await settle();
    return context;
  };

  test('an empty reply is not sent; the box says why', async () => {
    const { sent, thread, actions } = await ready();
    actions.setDraft('   ');
    actions.sendReply();
    expect(sent).toHaveLength(0);
    expect(thread.draftError.value).toBe(en['invalid.replyEmpty']);
    actions.setDraft('Also DN65?');
    expect(thread.draftError.value).toBe('');
  });

  test('a 201 adds the message to the thread and empties the box', async () => {
    const { replies, sent, thread, actions } = await ready();
    replies.push({ ok: true, message: message('m2', 'visitor', 'Also DN65?') });
    actions.setDraft('  Also DN65?  ');
    actions.sendReply();
    expect(thread.replyPhase.value).toBe('sending');
    await settle();
    expect(sent).toEqual([{ token: 'tok_1', body: 'Also DN65?', key: expect.any(String) }]);
    expect(thread.draft.value).toBe('');
    expect(thread.conversation.value?.messages.map((m) => m.id)).toEqual(['m1', 'm2']);
  });

  test('what the visitor types while it is sending stays in the box', async () => {
    const { replies, thread, actions } = await ready();
    replies.push({ ok: true, message: message('m2', 'visitor', 'Also DN65?') });
    actions.setDraft('Also DN65?');
    actions.sendReply();
    actions.setDraft('Also DN65? And DN80, please.');
    await settle();
    expect(thread.draft.value).toBe('And DN80, please.');
    expect(thread.conversation.value?.messages.map((m) => m.id)).toEqual(['m1', 'm2']);
    // Rewritten meanwhile: all of it stays.
    replies.push({ ok: true, message: message('m3', 'visitor', 'And DN80, please.') });
    actions.sendReply();
    actions.setDraft('Sorry, DN100.');
    await settle();
    expect(thread.draft.value).toBe('Sorry, DN100.');
  });

  test('a failure keeps the draft and says why', async () => {
    const { replies, thread, actions } = await ready();
    replies.push({ ok: false, code: 'NETWORK' });
    actions.setDraft('Also DN65?');
    actions.sendReply();
    await settle();
    expect(thread.replyPhase.value).toBe('failed');
    expect(thread.replyFailure.value).toBe('NETWORK');
    expect(thread.draft.value).toBe('Also DN65?');
  });

  test('Try again sends the same key; a new follow-up gets a new one', async () => {
    const { replies, sent, actions } = await ready();
    replies.push(
      { ok: false, code: 'NETWORK' },
      { ok: true, message: message('m2', 'visitor', 'Also DN65?') },
      { ok: true, message: message('m3', 'visitor', 'Also DN65?') },
    );
    actions.setDraft('Also DN65?');
    actions.sendReply();
    await settle();
    actions.sendReply();
    await settle();
    // Sent: the same words again are another message.
    actions.setDraft('Also DN65?');
    actions.sendReply();
    await settle();
    const [first, retried, next] = sent.map((reply) => reply.key);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(retried).toBe(first);
    expect(next).not.toBe(first);
  });

  test('a conversation replaced while a reply was sending: Send works again on the new one', async () => {
    const { replies, sent, thread, actions } = await ready();
    replies.push(
      { ok: true, message: message('m2', 'visitor', 'Also DN65?') },
      { ok: true, message: message('m3', 'visitor', 'And DN80?') },
    );
    actions.setDraft('Also DN65?');
    actions.sendReply();
    // A new inquiry (this tab's or another's) brings its own conversation before the answer.
    actions.remember('tok_other');
    await settle();
    expect(thread.replyPhase.value).toBe('editing');
    actions.setDraft('And DN80?');
    actions.sendReply();
    await settle();
    expect(sent.map((reply) => reply.token)).toEqual(['tok_1', 'tok_other']);
  });

  test('a conversation gone meanwhile: the reply moves into a new inquiry', async () => {
    const { replies, state, thread, actions } = await ready();
    replies.push({ ok: false, code: 'CONVERSATION_NOT_FOUND' });
    actions.setDraft('Also DN65? Please quote 50 pieces.');
    actions.sendReply();
    await settle();
    expect(state.view.value).toBe('form');
    expect(thread.token.value).toBeNull();
    expect(state.values.value.message).toBe('Also DN65? Please quote 50 pieces.');
  });
});
