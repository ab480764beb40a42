import { randomUUID } from 'node:crypto';
import type { Rep, Store } from './storage/store';

/** The demo site's key, used by demo/index.html's embed. */
export const DEMO_SITE_KEY = 'demo';

/**
 * On an empty database, creates the demo site and its rep (and admin), Mr. Moore Liu; returns him. The demo site
 * allows the server's own origin and localhost/127.0.0.1 on any port, for local host pages.
 * Processes starting together on one empty database may all try: one seeds, the others see
 * its site and return null.
 */
export async function seedDemo(store: Store, publicUrl: string): Promise<Rep | null> {
  if ((await store.countSites()) > 0) return null;
  const siteId = randomUUID();
  const site = {
    id: siteId,
    key: DEMO_SITE_KEY,
    name: 'Hengda Fluid Control',
    allowedOrigins: [new URL(publicUrl).origin, 'http://localhost:*', 'http://127.0.0.1:*'],
  };
  const rep: Rep = {
    id: randomUUID(),
    siteId,
    handle: 'moore-liu',
    name: 'Mr. Moore Liu',
    title: 'Sales Manager',
    photoUrl: '/demo/moore-liu.svg',
    email: 'moore.liu@example.com',
    active: true,
    role: 'admin',
  };
  try {
    await store.createSiteWithRep(site, rep);
  } catch (err) {
    // Another process seeded first (the site key is unique); anything else is an error.
    if (await store.findSiteByKey(DEMO_SITE_KEY)) return null;
    throw err;
  }
  return rep;
}
