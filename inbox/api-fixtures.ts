import type { InboxApi } from './api';

/**
 * An InboxApi for unit tests: the calls given, and every other one throwing, so that a test
 * says which calls it expects (a Proxy would hide typos).
 */
export function fakeInboxApi(calls: Partial<InboxApi>): InboxApi {
  const unused = async () => {
    throw new Error('not used');
  };
  return {
    me: unused,
    signIn: unused,
    requestLink: unused,
    signInWithLink: unused,
    signOut: unused,
    inquiries: unused,
    inquiry: unused,
    markRead: unused,
    send: unused,
    update: unused,
    reps: unused,
    ...calls,
  };
}
