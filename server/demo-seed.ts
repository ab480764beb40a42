import { randomUUID } from 'node:crypto';
import type { Rep, Store } from './storage/store';

/** The demo site's key, used by demo/index.html's embed. */
export const DEMO_SITE_KEY = 'demo';

/**
 * On an empty database, creates the demo site and its rep (and admin), Mr. Moore Liu; returns him. The demo site
 * allows the server's own origin and localhost/127.0.0.1 on any port, for local host pages.
 */
export async function seedDemo(store: Store, publicUrl: string): Promise<Rep | null> {
  if ((await store.countSites()) > 0) return null;
  const siteId = randomUUID();
  await store.createSite({
    id: siteId,
    key: DEMO_SITE_KEY,
    name: 'Hengda Fluid Control',
    allowedOrigins: [new URL(publicUrl).origin, 'http://localhost:*', 'http://127.0.0.1:*'],
  });
  const repId = randomUUID();
  const rep: Rep = {
    id: repId,
    siteId,
    handle: 'moore-liu',
    name: 'Mr. Moore Liu',
    title: 'Sales Manager',
    photoUrl: '/demo/moore-liu.svg',
    email: 'moore.liu@example.com',
    active: true,
    role: 'admin',
  };
  await store.createRep(rep);
  await store.setDefaultRep(siteId, repId);
  return rep;
}
