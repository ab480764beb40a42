import { useEffect, useRef } from 'preact/hooks';
import type { DesktopNotifications } from '../desktop-notifications';
import { errorText } from '../api-error';
import { countText } from '../format';
import type { ListActions } from '../list-actions';
import { report } from '../report';
import type { InboxState } from '../state';
import { InquiryRow } from './inquiry-row';
import { NotificationOffer } from './notification-offer';
import { SearchBox } from './search-box';
import { StatusFilter } from './status-filter';

/** What the list pane shows and does. */
export interface InquiryListProps {
  state: InboxState;
  actions: ListActions;
  notifications: DesktopNotifications;
  currentId: string | null;
  showRep: boolean;
}

/** The CSV export of what the list shows, filters and all. */
function exportHref(status: string | null, q: string): string {
  const params = new URLSearchParams();
  if (status) params.set('status', status);
  if (q) params.set('q', q);
  const query = params.toString();
  return `/api/inbox/inquiries/export.csv${query ? `?${query}` : ''}`;
}

/** The list pane: filters, search, the rows and "Load more". */
export function InquiryList({
  state,
  actions,
  notifications,
  currentId,
  showRep,
}: InquiryListProps) {
  const list = state.list;
  const items = list.items.value;
  const loading = list.loading.value;
  const error = list.error.value;
  const filtered = list.status.value !== null || list.q.value !== '';
  const rows = useRef<HTMLUListElement>(null);
  // After "Load more", focus moves to the row after the last one shown before, the first new
  // one, so the keyboard carries on from there (a refresh before it may have moved rows).
  const lastBefore = useRef<string | null>(null);

  useEffect(() => {
    const id = lastBefore.current;
    if (id === null || loading) return;
    const index = items.findIndex((item) => item.id === id);
    if (index < 0 || index === items.length - 1) return;
    lastBefore.current = null;
    rows.current?.querySelectorAll('a')[index + 1]?.focus();
  }, [items, loading]);

  const summary =
    loading === 'first'
      ? 'Loading inquiries…'
      : list.loaded.value
        ? `${items.length} ${items.length === 1 ? 'inquiry' : 'inquiries'} shown`
        : '';

  return (
    <section class="list-pane" aria-labelledby="list-title">
      <div class="list-head">
        <h2 id="list-title" tabIndex={-1}>
          Inquiries
        </h2>
        <p class="unread-total">{countText(list.unreadCount.value)} unread</p>
        {/* The list's own filters, every matching inquiry (not only the rows loaded). */}
        <a class="export-link" href={exportHref(list.status.value, list.q.value)} download>
          Export CSV
        </a>
      </div>
      <NotificationOffer notifications={notifications} />
      <StatusFilter value={list.status.value} onChange={actions.setStatus} />
      <SearchBox value={list.q.value} onSearch={actions.search} />
      <p class="list-status" role="status">
        {summary}
      </p>
      {error && (
        <div class="alert" role="alert">
          <p>{errorText(error)}</p>
          <button type="button" class="button" onClick={() => actions.load().catch(report)}>
            Try again
          </button>
        </div>
      )}
      {items.length > 0 && (
        <ul class="rows" ref={rows}>
          {items.map((item) => (
            <InquiryRow
              key={item.id}
              item={item}
              current={item.id === currentId}
              now={state.now.value}
              showRep={showRep}
            />
          ))}
        </ul>
      )}
      {list.loaded.value && items.length === 0 && loading !== 'first' && !error && (
        <p class="empty">
          {filtered
            ? 'No inquiries match these filters.'
            : 'No inquiries yet. New ones appear here as they arrive.'}
        </p>
      )}
      {list.nextCursor.value && (
        <button
          type="button"
          class="button more"
          onClick={() => {
            lastBefore.current = items.at(-1)?.id ?? null;
            actions.more().catch(report);
          }}
        >
          {loading === 'more' ? 'Loading…' : 'Load more'}
        </button>
      )}
    </section>
  );
}
