import type { Store } from '../storage/store';

/**
 * A free handle for the embed's data-rep, from a name: "Mr. Moore Liu" -> "moore-liu"; a taken
 * handle gets -2, -3...
 */
export async function freeHandle(store: Store, siteId: string, from: string): Promise<string> {
  const base =
    from
      .toLowerCase()
      .replace(/^(mr|mrs|ms|miss|dr)\.?\s+/, '')
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'rep';
  for (let n = 1; ; n++) {
    const handle = n === 1 ? base : `${base}-${n}`;
    if (!(await store.findRepByHandle(siteId, handle))) return handle;
  }
}
