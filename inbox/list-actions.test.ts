import { describe, expect, it } from 'vitest';
import type { InquiryListQuery, InquiryPage, InquirySummary } from '../contract/inbox';
import { fakeInboxApi } from './api-fixtures';
import type { ApiResult } from './api-error';
import { createListActions } from './list-actions';
import { createState } from './state';

const row = (id: string): InquirySummary => ({
  id,
  status: 'new',
  unread: true,
  awaitingReply: true,
  visitor: { name: id, email: `${id}@x.example`, company: null, country: null },
  product: null,
  preview: '',
  rep: null,
  createdAt: '2026-11-29T08:00:00.000Z',
  lastActivityAt: '2026-11-29T08:00:00.000Z',
});

/** An API whose list answers pages of `rows` two at a time; the rest is never called. */
function fakeApi(rows: () => string[], calls: InquiryListQuery[] = []) {
  const inquiries = async (query: InquiryListQuery): Promise<ApiResult<InquiryPage>> => {
    calls.push(query);
    const ids = rows().filter((id) => !query.q || id.includes(query.q));
    const start = Number(query.cursor ?? 0);
    const items = ids.slice(start, start + 2).map(row);
    const nextCursor = start + 2 < ids.length ? String(start + 2) : null;
    return { ok: true, value: { items, nextCursor, unreadCount: ids.length } };
  };
  return { api: fakeInboxApi({ inquiries }), calls };
}

describe('list actions', () => {
  it('loads, loads more, and refreshes every page on screen', async () => {
    let ids = ['a', 'b', 'c', 'd', 'e'];
    const state = createState();
    const list = createListActions({ api: fakeApi(() => ids).api, state, pageSize: 2 });
    await list.load();
    await list.more();
    expect(state.list.items.value.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);

    ids = ['new', ...ids];
    await list.refresh();
    expect(state.list.items.value.map((r) => r.id)).toEqual(['new', 'a', 'b', 'c']);
    expect(state.list.nextCursor.value).toBe('4');
    expect(state.list.unreadCount.value).toBe(6);
  });

  it('drops the answer of a load that a newer one replaced', async () => {
    const state = createState();
    const { api } = fakeApi(() => ['apple', 'banana']);
    const slow = { ...api };
    let release = () => {};
    slow.inquiries = async (query) => {
      if (!query.q) await new Promise<void>((resolve) => (release = resolve));
      return api.inquiries(query);
    };
    const list = createListActions({ api: slow, state });
    const first = list.load();
    list.search('ban');
    await new Promise((resolve) => setTimeout(resolve, 0));
    release();
    await first;
    expect(state.list.items.value.map((r) => r.id)).toEqual(['banana']);
  });

  it('marks a row read at once and forgets everything on reset', async () => {
    const state = createState();
    const list = createListActions({ api: fakeApi(() => ['a', 'b']).api, state });
    await list.load();
    list.markRead('a');
    expect(state.list.items.value[0]?.unread).toBe(false);
    expect(state.list.unreadCount.value).toBe(1);
    list.reset();
    expect(state.list.items.value).toEqual([]);
    expect(state.list.loaded.value).toBe(false);
  });
});

describe('list actions overlapping', () => {
  it('runs a refresh asked for during "Load more" once that has finished', async () => {
    let ids = ['a', 'b', 'c', 'd'];
    const state = createState();
    const { api } = fakeApi(() => ids);
    let release = () => {};
    const held = { ...api };
    held.inquiries = async (query) => {
      if (query.cursor) await new Promise<void>((resolve) => (release = resolve));
      return api.inquiries(query);
    };
    const list = createListActions({ api: held, state, pageSize: 2 });
    await list.load();
    const more = list.more();
    ids = ['new', ...ids];
    await list.refresh();
    release();
    await more;
    // The refresh runs after "Load more" and reloads both pages; release its second one too.
    await new Promise((resolve) => setTimeout(resolve, 0));
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(state.list.items.value.map((r) => r.id)).toEqual(['new', 'a', 'b', 'c']);
    expect(state.list.loading.value).toBeNull();
  });
});

describe('list actions after a failure or during a refresh', () => {
  it('a failed load under new filters shows no rows or cursor of the filters before', async () => {
    const state = createState();
    const { api, calls } = fakeApi(() => ['a', 'b', 'c']);
    const failing = { ...api };
    failing.inquiries = async (query) =>
      query.status === 'closed'
        ? { ok: false, error: { status: 0, code: 'NETWORK', message: 'offline' } }
        : api.inquiries(query);
    const list = createListActions({ api: failing, state, pageSize: 2 });
    await list.load();
    expect(state.list.nextCursor.value).toBe('2');
    list.setStatus('closed');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(state.list.error.value?.code).toBe('NETWORK');
    expect(state.list.items.value).toEqual([]);
    expect(state.list.nextCursor.value).toBeNull();
    // "Load more" has nothing to page on from.
    await list.more();
    expect(calls.filter((query) => query.cursor)).toEqual([]);
  });

  it('"Load more" asked for during a refresh runs once the refresh has finished', async () => {
    const state = createState();
    const { api } = fakeApi(() => ['a', 'b', 'c', 'd']);
    let release = () => {};
    const held = { ...api };
    let holding = false;
    held.inquiries = async (query) => {
      if (holding) await new Promise<void>((resolve) => (release = resolve));
      return api.inquiries(query);
    };
    const list = createListActions({ api: held, state, pageSize: 2 });
    await list.load();
    holding = true;
    const refresh = list.refresh();
    await list.more();
    holding = false;
    release();
    await refresh;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(state.list.items.value.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
  });
});
