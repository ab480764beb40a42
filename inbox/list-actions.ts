import { batch } from '@preact/signals';
import type { InquirySummary, Status } from '../contract/inbox';
import type { InboxApi } from './api';
import { report } from './report';
import type { InboxState } from './state';

/** What the list screen can do. */
export interface ListActions {
  /** Loads the first page for the current filters. */
  load(): Promise<void>;
  more(): Promise<void>;
  /** Reloads the pages on screen quietly, after a live event. */
  refresh(): Promise<void>;
  setStatus(status: Status | null): void;
  search(q: string): void;
  /** Marks a row read on screen, before the server's answer comes back. */
  markRead(id: string): void;
  /** Forgets everything loaded (on sign-out), so the next rep starts clean. */
  reset(): void;
}

/** What the list actions work on. */
export interface ListActionsOptions {
  api: InboxApi;
  state: InboxState;
  pageSize?: number;
}

const without = (items: InquirySummary[], seen: InquirySummary[]) => {
  const ids = new Set(seen.map((item) => item.id));
  return items.filter((item) => !ids.has(item.id));
};

/**
 * Creates the list actions. One thing changes the rows at a time: a new load supersedes
 * whatever is in flight (its answers are dropped), and a refresh asked for while anything
 * runs is done once that has finished, so a live event is never lost and never undoes
 * "Load more".
 */
export const createListActions = ({
  api,
  state,
  pageSize = 25,
}: ListActionsOptions): ListActions => {
  const list = state.list;
  let generation = 0;
  let pages = 0;
  let refreshing = false;
  let refreshWanted = false;
  // "Load more" asked for while a refresh ran: it follows it.
  let moreWanted = false;

  const query = (cursor?: string) => ({
    status: list.status.value ?? undefined,
    q: list.q.value || undefined,
    cursor,
    limit: String(pageSize),
  });

  const busy = () => refreshing || list.loading.value !== null;

  const afterwards = () => {
    if (busy()) return;
    if (refreshWanted) {
      refreshWanted = false;
      refresh().catch(report);
    } else if (moreWanted) {
      moreWanted = false;
      more().catch(report);
    }
  };

  async function load() {
    const mine = ++generation;
    moreWanted = false;
    batch(() => {
      list.loading.value = 'first';
      list.error.value = null;
    });
    const result = await api.inquiries(query());
    if (mine !== generation) return;
    batch(() => {
      list.loading.value = null;
      if (!result.ok) {
        // The rows and cursor of the filters before would pass for these filters' (and
        // "Load more" would page on from them): the list is empty until a load succeeds.
        pages = 0;
        list.items.value = [];
        list.nextCursor.value = null;
        list.error.value = result.error;
        return;
      }
      pages = 1;
      list.items.value = result.value.items;
      list.nextCursor.value = result.value.nextCursor;
      list.unreadCount.value = result.value.unreadCount;
      list.loaded.value = true;
    });
    afterwards();
  }

  async function more() {
    const cursor = list.nextCursor.value;
    if (!cursor) return;
    if (busy()) {
      moreWanted = true;
      return;
    }
    const mine = generation;
    batch(() => {
      list.loading.value = 'more';
      list.error.value = null;
    });
    const result = await api.inquiries(query(cursor));
    if (mine !== generation) return;
    batch(() => {
      list.loading.value = null;
      if (!result.ok) {
        list.error.value = result.error;
        return;
      }
      pages++;
      list.items.value = [...list.items.value, ...without(result.value.items, list.items.value)];
      list.nextCursor.value = result.value.nextCursor;
      list.unreadCount.value = result.value.unreadCount;
    });
    afterwards();
  }

  async function refresh() {
    if (!list.loaded.value) return load();
    if (busy()) {
      refreshWanted = true;
      return;
    }
    refreshing = true;
    const mine = generation;
    try {
      // As many pages as the rep has loaded, so "Load more" results stay on screen.
      const items: InquirySummary[] = [];
      let cursor: string | undefined;
      let nextCursor: string | null = null;
      let unreadCount = list.unreadCount.value;
      for (let page = 0; page < Math.max(pages, 1); page++) {
        const result = await api.inquiries(query(cursor));
        // A failed quiet refresh leaves the list as it was; the next event tries again.
        if (mine !== generation || !result.ok) return;
        if (page === 0) unreadCount = result.value.unreadCount;
        items.push(...without(result.value.items, items));
        nextCursor = result.value.nextCursor;
        if (!nextCursor) break;
        cursor = nextCursor;
      }
      batch(() => {
        list.items.value = items;
        list.nextCursor.value = nextCursor;
        list.unreadCount.value = unreadCount;
        list.error.value = null;
      });
    } finally {
      refreshing = false;
      afterwards();
    }
  }

  return {
    load,
    more,
    refresh,
    setStatus(status) {
      if (list.status.value === status) return;
      list.status.value = status;
      load().catch(report);
    },
    search(q) {
      list.q.value = q.trim();
      load().catch(report);
    },
    markRead(id) {
      const item = list.items.value.find((row) => row.id === id);
      if (!item?.unread) return;
      batch(() => {
        list.items.value = list.items.value.map((row) =>
          row.id === id ? { ...row, unread: false } : row,
        );
        list.unreadCount.value = Math.max(0, list.unreadCount.value - 1);
      });
    },
    reset() {
      generation++;
      pages = 0;
      refreshWanted = false;
      moreWanted = false;
      batch(() => {
        list.status.value = null;
        list.q.value = '';
        list.items.value = [];
        list.nextCursor.value = null;
        list.unreadCount.value = 0;
        list.loading.value = null;
        list.loaded.value = false;
        list.error.value = null;
      });
    },
  };
};
