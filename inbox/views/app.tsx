import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import type { AdminApi } from '../admin-api';
import { errorText } from '../api-error';
import type { DesktopNotifications } from '../desktop-notifications';
import type { InquiryActions } from '../inquiry-actions';
import type { ListActions } from '../list-actions';
import { report } from '../report';
import { BASE, type Router } from '../router';
import type { SessionActions } from '../session-actions';
import type { InboxState } from '../state';
import { AdminPage } from './admin/admin-page';
import { Header } from './header';
import { InquiryList } from './inquiry-list';
import { InquiryView } from './inquiry-view';
import { LinkPage } from './link-page';
import { SignInPage } from './sign-in-page';

/** Everything the views read and call; made once in main.tsx. */
export interface AppProps {
  state: InboxState;
  router: Router;
  session: SessionActions;
  list: ListActions;
  inquiry: InquiryActions;
  notifications: DesktopNotifications;
  admin: AdminApi;
}

/** A screen with nothing but a message (loading, failed, not found). */
function Message({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <main id="main" tabIndex={-1} class="message-page">
      <h1>{title}</h1>
      {children}
    </main>
  );
}

/** The whole app: skip link, header, and the screen for the current path. */
export function App(props: AppProps) {
  const { state, router, session } = props;
  const route = router.route.value;
  const current = state.session.value;
  const me = current.state === 'signed-in' ? current.me : null;

  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <Header me={me} onSignOut={() => session.signOut().catch(report)} />
      {route.page === 'sign-in' ? (
        <SignInPage session={session} />
      ) : route.page === 'link' ? (
        <LinkPage session={session} />
      ) : current.state === 'failed' ? (
        <Message title="The inbox could not load">
          <p role="alert">{errorText(current.error)}</p>
          <button type="button" class="button" onClick={() => session.check().catch(report)}>
            Try again
          </button>
        </Message>
      ) : !me ? (
        <Message title="Inbox">
          <p role="status">Loading your inbox…</p>
        </Message>
      ) : route.page === 'admin' ? (
        <AdminPage api={props.admin} focusOnLoad={router.kind.value !== 'start'} />
      ) : route.page === 'not-found' ? (
        <Message title="Page not found">
          <p>
            <a href={BASE}>Go to your inbox</a>
          </p>
        </Message>
      ) : (
        <Inbox {...props} />
      )}
    </>
  );
}

/** List and inquiry: side by side on wide screens, one at a time on phones. */
function Inbox({ state, router, list, inquiry, notifications }: AppProps) {
  const route = router.route.value;
  const kind = router.kind.value;
  const current = state.session.value;
  const openId = route.page === 'inquiry' ? route.id : null;

  // Back on the list by the rep's own doing (Back to inbox, browser Back): focus its heading.
  useEffect(() => {
    if (openId === null && kind !== 'start') document.getElementById('list-title')?.focus();
  }, [openId]);

  if (current.state !== 'signed-in') return null;
  return (
    <main id="main" tabIndex={-1} class={`panes ${openId ? 'showing-inquiry' : 'showing-list'}`}>
      <h1 class="visually-hidden">Inbox</h1>
      <InquiryList
        state={state}
        actions={list}
        notifications={notifications}
        currentId={openId}
        showRep={current.me.role === 'admin'}
      />
      <section class="detail-pane" aria-label="Inquiry">
        {openId ? (
          <InquiryView
            key={openId}
            state={state}
            actions={inquiry}
            me={current.me}
            focusOnLoad={kind !== 'start'}
          />
        ) : (
          <p class="placeholder">Choose an inquiry to read it and reply.</p>
        )}
      </section>
    </main>
  );
}
