import { batch } from '@preact/signals';
import type { LinkRequest, Me, PasswordSignIn } from '../contract/inbox';
import type { InboxApi } from './api';
import type { ApiResult } from './api-error';
import { BASE, type Router } from './router';
import type { InboxState } from './state';

/** Signing in and out. */
export interface SessionActions {
  /** Asks the server who is signed in. */
  check(): Promise<void>;
  signIn(input: PasswordSignIn): Promise<ApiResult<Me>>;
  requestLink(input: LinkRequest): Promise<ApiResult<true>>;
  signInWithLink(token: string): Promise<ApiResult<Me>>;
  signOut(): Promise<void>;
  /** The server said the session is gone: back to the sign-in screen, then back here. */
  ended(): void;
}

/** What the session actions work on. */
export interface SessionActionsOptions {
  api: InboxApi;
  state: InboxState;
  router: Router;
  /** Forgets what the rep kept in this tab (reply drafts) when they sign out. */
  forget?: () => void;
}

/** Creates the session actions. */
export const createSessionActions = ({
  api,
  state,
  router,
  forget = () => {},
}: SessionActionsOptions): SessionActions => {
  const signedIn = (result: ApiResult<Me>): ApiResult<Me> => {
    if (!result.ok) return result;
    const next = state.next.value ?? BASE;
    batch(() => {
      state.session.value = { state: 'signed-in', me: result.value };
      state.next.value = null;
    });
    router.go(next, { replace: true });
    return result;
  };

  return {
    async check() {
      state.session.value = { state: 'checking' };
      const result = await api.me();
      if (result.ok) state.session.value = { state: 'signed-in', me: result.value };
      // UNAUTHENTICATED already went through ended().
      else if (result.error.code !== 'UNAUTHENTICATED') {
        state.session.value = { state: 'failed', error: result.error };
      }
    },
    signIn: async (input) => signedIn(await api.signIn(input)),
    requestLink: (input) => api.requestLink(input),
    signInWithLink: async (token) => signedIn(await api.signInWithLink({ token })),
    async signOut() {
      const result = await api.signOut();
      // Signed out locally even if the call failed: the person asked to leave this screen.
      if (!result.ok) console.warn('[inbox] sign-out failed', result.error);
      forget();
      state.session.value = { state: 'signed-out' };
      router.go(`${BASE}/sign-in`, { replace: false });
    },
    ended() {
      const { page } = router.route.value;
      batch(() => {
        if (page !== 'sign-in' && page !== 'link') state.next.value = location.pathname;
        state.session.value = { state: 'signed-out' };
      });
    },
  };
};
