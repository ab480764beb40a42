import { describe, expect, it } from 'vitest';
import type { InboxMessage, InquiryDetail, ReplyInput } from '../contract/inbox';
import { fakeInboxApi } from './api-fixtures';
import type { ApiError, ApiResult } from './api-error';
import { createDrafts, type DraftStorage } from './drafts';
import { createInquiryActions } from './inquiry-actions';
import type { ListActions } from './list-actions';
import { createState } from './state';

const detail = (id: string, over: Partial<InquiryDetail> = {}): InquiryDetail => ({
  id,
  status: 'open',
  unread: false,
  visitor: { name: 'Jane', email: 'jane@x.example', company: null, country: null, phone: null },
  products: [],
  attachments: [],
  quantity: null,
  unit: null,
  page: { url: null, referrer: null, language: null, timezone: null },
  visitorLocalTime: null,
  assignmentReason: '',
  rep: null,
  createdAt: '2026-11-29T08:00:00.000Z',
  messages: [],
  ...over,
});

const failure = (code: ApiError['code']): ApiResult<never> => ({
  ok: false,
  error: { status: code === 'NOT_FOUND' ? 404 : 0, code, message: code },
});

const sent = (id: string): ApiResult<InboxMessage> => ({
  ok: true,
  value: {
    id,
    kind: 'rep',
    authorName: 'Moore',
    body: 'x',
    channel: 'inbox',
    attachments: [],
    createdAt: '2026-11-29T09:00:00.000Z',
  },
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Inquiry actions over an API whose answers the test scripts. */
function setup(options: { visible?: () => boolean } = {}) {
  const loads: Array<() => Promise<ApiResult<InquiryDetail>>> = [];
  const sends: ApiResult<InboxMessage>[] = [];
  const keys: string[] = [];
  const reads: string[] = [];
  const api = fakeInboxApi({
    inquiry: async () => (loads.shift() ?? (async () => failure('INTERNAL')))(),
    markRead: async (id) => {
      reads.push(id);
      return { ok: true, value: true };
    },
    send: async (_id: string, _input: ReplyInput, key: string) => {
      keys.push(key);
      return sends.shift() ?? failure('NETWORK');
    },
  });
  const list: ListActions = {
    load: async () => {},
    more: async () => {},
    refresh: async () => {},
    setStatus: () => {},
    search: () => {},
    markRead: () => {},
    reset: () => {},
  };
  const state = createState();
  let count = 0;
  const actions = createInquiryActions({
    api,
    state,
    list,
    newKey: () => `key-${++count}`,
    visible: options.visible ?? (() => true),
    drafts: createDrafts(() => {
      throw new Error('no storage here');
    }),
  });
  return { actions, state, loads, sends, keys, reads, api };
}

/** An answer the test releases when it likes. */
function held<T>(value: T) {
  let release = () => {};
  const promise = new Promise<T>((resolve) => (release = () => resolve(value)));
  return { answer: () => promise, release };
}

describe('inquiry actions', () => {
  it('a reload that replaced the first load ends the loading, with its error', async () => {
    const { actions, state, loads } = setup();
    const first = held(failure('NOT_FOUND'));
    loads.push(first.answer, async () => failure('NOT_FOUND'));
    const opening = actions.open('i1');
    // The live stream opens before the first answer, and reads the inquiry again.
    await actions.reload();
    first.release();
    await opening;
    expect(state.detail.loading.value).toBe(false);
    expect(state.detail.error.value?.code).toBe('NOT_FOUND');
  });

  it('a quiet reload keeps the inquiry on screen after a failure, but not once it is gone', async () => {
    const { actions, state, loads } = setup();
    loads.push(
      async () => ({ ok: true, value: detail('i1') }),
      async () => failure('NETWORK'),
      async () => failure('NOT_FOUND'),
    );
    await actions.open('i1');
    await actions.reload();
    expect(state.detail.inquiry.value?.id).toBe('i1');
    // Reassigned to another rep, or deleted: no longer theirs to answer.
    await actions.reload();
    expect(state.detail.inquiry.value).toBeNull();
    expect(state.detail.error.value?.code).toBe('NOT_FOUND');
  });

  it('sending the same reply again reuses its key; after it is stored, or edited, a new one', async () => {
    const { actions, loads, sends, keys } = setup();
    loads.push(async () => ({ ok: true, value: detail('i1') }));
    await actions.open('i1');
    const reply: ReplyInput = { body: 'Our price is USD 12.50.', kind: 'reply' };
    await actions.send(reply);
    await actions.send(reply);
    sends.push(sent('m1'));
    await actions.send(reply);
    await actions.send(reply);
    await actions.send({ ...reply, body: 'Our price is USD 12.00.' });
    await actions.send({ ...reply, kind: 'note' });
    expect(keys).toEqual(['key-1', 'key-1', 'key-1', 'key-2', 'key-3', 'key-4']);
  });

  it("the rep's own change back to New stays new when its event reloads the inquiry", async () => {
    const { actions, loads, reads, api } = setup();
    const line = (id: string): InboxMessage => ({
      id,
      kind: 'system',
      authorName: null,
      body: 'Status changed',
      channel: 'inbox',
      attachments: [],
      createdAt: '2026-11-29T09:00:00.000Z',
    });
    loads.push(async () => ({ ok: true, value: detail('i1', { messages: [line('m1')] }) }));
    await actions.open('i1');
    await settle();
    const back = detail('i1', { status: 'new', messages: [line('m1'), line('m2')] });
    api.update = async () => ({ ok: true, value: back });
    expect((await actions.update({ status: 'new' })).ok).toBe(true);
    loads.push(async () => ({ ok: true, value: back }));
    await actions.reload();
    await settle();
    expect(reads).toEqual([]);
  });

  it('an inquiry updated in a hidden tab is marked read only once the tab is seen', async () => {
    let visible = false;
    const { actions, loads, reads } = setup({ visible: () => visible });
    loads.push(async () => ({ ok: true, value: detail('i1', { unread: true }) }));
    await actions.open('i1');
    await settle();
    expect(reads).toEqual([]);
    visible = true;
    actions.seen();
    await settle();
    expect(reads).toEqual(['i1']);
  });

  it("keeps a rep's drafts from another rep who signs in on the same tab", () => {
    const { actions, state } = setup();
    const as = (id: string) => {
      state.session.value = {
        state: 'signed-in',
        me: {
          id,
          name: id,
          email: `${id}@x.example`,
          role: 'admin',
          site: { key: 'demo', name: 'Demo' },
        },
      };
    };
    as('ana');
    actions.keepDraft('i1', 'Internal: this buyer owes us money.');
    as('bo');
    expect(actions.draftOf('i1')).toBe('');
    as('ana');
    expect(actions.draftOf('i1')).toBe('Internal: this buyer owes us money.');
  });

  it('keeps drafts per inquiry, in memory where storage throws', () => {
    const { actions } = setup();
    actions.keepDraft('i1', 'Dear Jane,');
    actions.keepDraft('i2', 'Dear Omar,');
    expect(actions.draftOf('i1')).toBe('Dear Jane,');
    actions.keepDraft('i1', '');
    expect(actions.draftOf('i1')).toBe('');
    expect(actions.draftOf('i2')).toBe('Dear Omar,');
  });
});

describe('drafts', () => {
  it('are kept in the tab storage and all forgotten at sign-out', () => {
    const items = new Map<string, string>([['other', 'kept']]);
    const storage: DraftStorage = {
      getItem: (key) => items.get(key) ?? null,
      setItem: (key, value) => void items.set(key, value),
      removeItem: (key) => void items.delete(key),
      key: (index) => [...items.keys()][index] ?? null,
      get length() {
        return items.size;
      },
    };
    createDrafts(() => storage).set('i1', 'Dear Jane,');
    // Another page load of the same tab reads it back.
    const later = createDrafts(() => storage);
    expect(later.get('i1')).toBe('Dear Jane,');
    later.set('i2', 'Dear Omar,');
    later.clearAll();
    expect([...items.keys()]).toEqual(['other']);
    expect(createDrafts(() => storage).get('i2')).toBe('');
  });
});
