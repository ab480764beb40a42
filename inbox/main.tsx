import { effect, untracked } from '@preact/signals';
import { render } from 'preact';
import type { InboxEvent } from '../contract/inbox';
import { createAdminApi } from './admin-api';
import { createInboxApi } from './api';
import { createDesktopNotifications } from './desktop-notifications';
import { documentTitle } from './document-title';
import { visitorName } from './format';
import { createDrafts } from './drafts';
import { createInquiryActions } from './inquiry-actions';
import { createListActions } from './list-actions';
import { startLiveUpdates, type StopLiveUpdates } from './live-updates';
import { report } from './report';
import { BASE, createRouter, inquiryPath } from './router';
import { createSessionActions } from './session-actions';
import { createState } from './state';
import { App } from './views/app';
import './styles/base.css';
import './styles/layout.css';
import './styles/list.css';
import './styles/inquiry.css';
import './styles/admin.css';

const state = createState();
const router = createRouter();
const api = createInboxApi({ onUnauthenticated: () => session.ended() });
const admin = createAdminApi({ onUnauthenticated: () => session.ended() });
const drafts = createDrafts();
const session = createSessionActions({ api, state, router, forget: drafts.clearAll });
const list = createListActions({ api, state });
const inquiry = createInquiryActions({ api, state, list, drafts });
const notifications = createDesktopNotifications();

const signedIn = () => state.session.value.state === 'signed-in';

// Screens that need a session send the signed-out to sign in, and back.
effect(() => {
  const { page } = router.route.value;
  const who = state.session.value.state;
  untracked(() => {
    if (who === 'signed-out' && page !== 'sign-in' && page !== 'link') {
      router.go(`${BASE}/sign-in`, { replace: true });
    } else if (who === 'signed-in' && page === 'sign-in') {
      router.go(BASE, { replace: true });
    }
  });
});

// What is on screen is loaded: the list beside every inquiry, and the open inquiry.
effect(() => {
  const route = router.route.value;
  const ready = signedIn();
  untracked(() => {
    if (!ready) return;
    if (route.page === 'list' || route.page === 'inquiry') {
      if (!state.list.loaded.value && !state.list.loading.value) list.load().catch(report);
    }
    if (route.page === 'inquiry') inquiry.open(route.id).catch(report);
    else inquiry.close();
  });
});

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState !== 'visible') return;
  state.now.value = Date.now();
  inquiry.seen();
});
setInterval(() => {
  state.now.value = Date.now();
}, 30_000);

effect(() => {
  const detail = state.detail.inquiry.value;
  document.title = documentTitle({
    route: router.route.value,
    unread: state.list.unreadCount.value,
    inquiryName: detail ? visitorName(detail.visitor) : null,
  });
});

/** Reloads what an event touches, then tells a rep who is looking elsewhere. */
async function onEvent(event: InboxEvent) {
  const route = router.route.peek();
  const isOpen = route.page === 'inquiry' && route.id === event.inquiryId;
  await Promise.all([list.refresh(), isOpen ? inquiry.reload() : null]);
  if (event.type === 'status') return;
  if (notifications.permission.peek() !== 'granted' || document.visibilityState === 'visible') {
    return;
  }
  // Read from the inquiry itself: the list may not show it (a filter, a search, a refresh
  // already running when the event came).
  const found = await api.inquiry(event.inquiryId);
  if (!found.ok) return;
  const { id, visitor, messages, status } = found.value;
  // News is the visitor's own words: not a colleague's reply, note or a system line, nor what
  // waits in the Spam folder (a bot's text on the rep's desktop, whose mail is held back too).
  const last = messages.at(-1);
  if (last?.kind !== 'visitor' || status === 'spam') return;
  const text = last.body.length > 140 ? `${last.body.slice(0, 139)}…` : last.body;
  notifications.show({
    title: event.type === 'inquiry' ? 'New inquiry' : 'New message',
    body: `${visitorName(visitor)}: ${text}`,
    tag: id,
    onClick: () => router.go(inquiryPath(id)),
  });
}

let stopLive: StopLiveUpdates | null = null;
effect(() => {
  const ready = signedIn();
  untracked(() => {
    if (ready && !stopLive) {
      stopLive = startLiveUpdates({
        onEvent: (event) => onEvent(event).catch(report),
        onResync() {
          list.refresh().catch(report);
          inquiry.reload().catch(report);
        },
        // /me answers 401 once the session is gone (and ended() signs out): then stop.
        onRefused: async () => {
          const me = await api.me();
          return me.ok || me.error.code !== 'UNAUTHENTICATED';
        },
      });
    } else if (!ready && stopLive) {
      stopLive();
      stopLive = null;
      list.reset();
      inquiry.close();
      state.reps.value = [];
    }
  });
});

router.start();
// The link screen signs in with its token; everywhere else, ask who is signed in.
if (router.route.value.page !== 'link') session.check().catch(report);

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app');
render(
  <App
    state={state}
    router={router}
    session={session}
    list={list}
    inquiry={inquiry}
    notifications={notifications}
    admin={admin}
  />,
  root,
);
