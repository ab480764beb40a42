import type { InquiryCreated } from '../../contract';
import { hashPassword } from '../../server/auth/passwords';
import type { Rep } from '../../server/storage/store';
import { inquiryBody, PUBLIC_URL, type TestApp } from './test-app';

export const ORIGIN = new URL(PUBLIC_URL).origin;

/** Adds a rep with a password to `siteKey` (creating the site when needed). */
export async function addRep(
  t: TestApp,
  over: Partial<Rep> & { email: string; siteKey?: string; password?: string },
): Promise<Rep> {
  const siteKey = over.siteKey ?? 'demo';
  let site = await t.store.findSiteByKey(siteKey);
  if (!site) {
    await t.store.createSite({
      id: `site-${siteKey}`,
      key: siteKey,
      name: `Site ${siteKey}`,
      allowedOrigins: [],
    });
    site = await t.store.findSiteByKey(siteKey);
  }
  if (!site) throw new Error('site not created');
  const rep: Rep = {
    id: `rep-${over.email}`,
    siteId: site.id,
    handle: over.email.split('@')[0] ?? 'rep',
    name: over.name ?? over.email,
    title: null,
    photoUrl: null,
    email: over.email,
    active: over.active ?? true,
    role: over.role ?? 'rep',
  };
  await t.store.createRep(rep);
  await t.store.setPasswordHash(rep.id, await hashPassword(over.password ?? 'password-123'));
  return rep;
}

/** Signs in through the API; returns the Cookie header value. */
export async function signInAs(
  t: TestApp,
  email: string,
  password = 'password-123',
): Promise<string> {
  const res = await t.app.request('/api/inbox/auth/password', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('no cookie');
  return cookie;
}

/** A request to the inbox API as the holder of `cookie`, from the inbox's own origin. */
export function inboxRequest(
  t: TestApp,
  cookie: string | null,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> | Response {
  return t.app.request(`/api/inbox${path}`, {
    method,
    headers: {
      ...(cookie && { Cookie: cookie }),
      ...(body !== undefined && { 'Content-Type': 'application/json' }),
      Origin: ORIGIN,
      ...headers,
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
}

/** Sends an inquiry to the demo site through the public API. */
export async function sendInquiry(
  t: TestApp,
  over: Record<string, unknown> = {},
): Promise<InquiryCreated> {
  const res = await t.app.request('/api/v1/sites/demo/inquiries', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(inquiryBody(over)),
  });
  if (res.status !== 201) throw new Error(`inquiry failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as InquiryCreated;
}

/** Gives the demo site's admin, Mr. Moore Liu, a password and signs him in; returns the Cookie. */
export async function signInAsDemoAdmin(t: TestApp): Promise<string> {
  const moore = await t.store.findRepByEmail('moore.liu@example.com');
  if (!moore) throw new Error('the demo admin is not seeded');
  await t.store.setPasswordHash(moore.id, await hashPassword('password-123'));
  return signInAs(t, moore.email);
}

/** GETs `path` of the inbox API as the holder of `cookie`, expecting a 200; its JSON. */
export async function inboxGet<T>(t: TestApp, cookie: string, path: string): Promise<T> {
  const res = await inboxRequest(t, cookie, 'GET', path);
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The deliveries of `kind` in the outbox, whatever their state. */
export function deliveriesOf(t: TestApp, kind: string) {
  return t.db.selectFrom('deliveries').selectAll().where('kind', '=', kind).execute();
}
