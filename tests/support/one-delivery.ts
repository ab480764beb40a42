import type { Store } from '../../server/storage/store';

/** Enqueues one due delivery `id` of `kind` (no site's, about no inquiry), at `at`. */
export function enqueueOne(
  store: Store,
  { id = 'd-1', kind = 'mail', at = new Date() }: { id?: string; kind?: string; at?: Date } = {},
): Promise<void> {
  return store.enqueue(
    [{ id, kind, siteId: 'site-1', inquiryId: null, payload: {}, dedupeKey: `${kind}:${id}` }],
    at.toISOString(),
  );
}
