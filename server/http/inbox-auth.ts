import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { SESSION_COOKIE, sessionRep } from '../auth/sessions';
import { DomainError } from '../domain/errors';
import type { Rep, Store } from '../storage/store';

/** Hono env of the inbox routes: the signed-in rep, once `requireRep` has run. */
export interface InboxEnv {
  Variables: { rep: Rep };
}

export interface InboxAuthOptions {
  store: Store;
  clock: () => Date;
  publicUrl: string;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses a state-changing request unless its Origin is the inbox's own. Browsers send Origin
 * on every cross-origin and every same-origin POST, so a missing Origin is refused too. With
 * SameSite=Lax cookies this closes cross-site request forgery.
 */
export const sameOrigin = ({ publicUrl }: Pick<InboxAuthOptions, 'publicUrl'>): MiddlewareHandler =>
  async function sameOrigin(c, next) {
    if (UNSAFE.has(c.req.method) && c.req.header('Origin') !== new URL(publicUrl).origin) {
      throw new DomainError('FORBIDDEN', 'Cross-origin requests to the inbox are refused.');
    }
    await next();
  };

/** Loads the signed-in rep from the session cookie, or answers 401 UNAUTHENTICATED. */
export const requireRep = ({ store, clock }: InboxAuthOptions): MiddlewareHandler<InboxEnv> =>
  async function requireRep(c, next) {
    const rep = await sessionRep(store, getCookie(c, SESSION_COOKIE), clock());
    if (!rep) throw new DomainError('UNAUTHENTICATED', 'Please sign in.');
    c.set('rep', rep);
    await next();
  };

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure on https. */
export function setSessionCookie(
  c: Context,
  publicUrl: string,
  token: string,
  expiresAt: Date,
): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: publicUrl.startsWith('https:'),
    path: '/',
    expires: expiresAt,
  });
}

/** Clears the session cookie. */
export function clearSessionCookie(c: Context, publicUrl: string): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: publicUrl.startsWith('https:') });
}
