import type { Rep, Store } from '../storage/store';
import { hashToken, randomToken } from './tokens';

/** The session cookie's name. */
export const SESSION_COOKIE = 'liaison_session';

/** How long a session lasts from sign-in. */
export const SESSION_MS = 30 * 24 * 60 * 60 * 1000;

/** Starts a session for `repId`: the raw token goes into the cookie, only its hash is stored. */
export async function startSession(
  store: Store,
  repId: string,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + SESSION_MS);
  await store.createSession({
    idHash: hashToken(token),
    repId,
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  });
  return { token, expiresAt };
}

/**
 * The active rep a session token belongs to; null for any bad token (unknown, expired, a
 * deactivated rep), like Lucia's validateSession: the caller need not know why.
 */
export async function sessionRep(
  store: Store,
  token: string | undefined,
  now: Date,
): Promise<Rep | null> {
  if (!token || token.length > 64) return null;
  const idHash = hashToken(token);
  const session = await store.findSession(idHash);
  if (!session) return null;
  if (session.expiresAt <= now.toISOString()) {
    await store.deleteSession(idHash);
    return null;
  }
  const rep = await store.findRep(session.repId);
  return rep?.active ? rep : null;
}

/** Ends the session of `token`, if there is one. */
export async function endSession(store: Store, token: string | undefined): Promise<void> {
  if (token) await store.deleteSession(hashToken(token));
}
