import type { Store } from '../storage/store';

/**
 * Sites whose inquiries would reach nobody: no active rep at all. Start-up refuses them, rather
 * than accept leads into a void (an away or off-duty rep still counts: their inquiries wait in
 * the queue and the admins are mailed, which is somebody).
 */
export async function unreachableSites(store: Store): Promise<string[]> {
  const keys: string[] = [];
  for (const site of await store.listSites()) {
    const reps = await store.listReps(site.id);
    if (!reps.some((r) => r.active)) keys.push(site.key);
  }
  return keys;
}
