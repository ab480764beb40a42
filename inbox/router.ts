import { signal, type ReadonlySignal } from '@preact/signals';

/** The app's screens, one per path under /inbox. */
export type Route =
  | { page: 'list' }
  | { page: 'inquiry'; id: string }
  | { page: 'sign-in' }
  | { page: 'link' }
  | { page: 'admin' }
  | { page: 'not-found' };

/** Where the app is served; the server answers every path under it with index.html. */
export const BASE = '/inbox';

/** The admin section's path. */
export const ADMIN_PATH = `${BASE}/admin`;

/** The path of an inquiry's screen. */
export const inquiryPath = (id: string): string => `${BASE}/inquiries/${encodeURIComponent(id)}`;

/** The screen a pathname shows. */
export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '');
  if (path === BASE) return { page: 'list' };
  if (path === `${BASE}/sign-in`) return { page: 'sign-in' };
  if (path === `${BASE}/link`) return { page: 'link' };
  if (path === ADMIN_PATH) return { page: 'admin' };
  const inquiry = /^\/inbox\/inquiries\/([^/]+)$/.exec(path);
  if (inquiry?.[1]) {
    try {
      return { page: 'inquiry', id: decodeURIComponent(inquiry[1]) };
    } catch (err) {
      // A malformed %-escape: no inquiry has that id.
      if (err instanceof URIError) return { page: 'not-found' };
      throw err;
    }
  }
  return { page: 'not-found' };
}

/** How a navigation happened: focus moves only on the user's own. */
export type NavigationKind = 'start' | 'push' | 'replace' | 'back';

/** Client-side routing on `location.pathname` with the History API. */
export interface Router {
  route: ReadonlySignal<Route>;
  /** How the current route was reached. */
  kind: ReadonlySignal<NavigationKind>;
  go(path: string, options?: { replace?: boolean }): void;
  /** Listens to Back/Forward and to clicks on links under /inbox; returns the stop function. */
  start(): () => void;
}

/** Options of the router: the window whose location and history it drives. */
export interface RouterOptions {
  win?: Window;
}

/** Creates the router over `win.location` and `win.history`. */
export const createRouter = ({ win = window }: RouterOptions = {}): Router => {
  const route = signal(parseRoute(win.location.pathname));
  const kind = signal<NavigationKind>('start');

  const go: Router['go'] = (path, { replace = false } = {}) => {
    if (replace) win.history.replaceState(null, '', path);
    else win.history.pushState(null, '', path);
    kind.value = replace ? 'replace' : 'push';
    route.value = parseRoute(win.location.pathname);
  };

  const onPop = () => {
    kind.value = 'back';
    route.value = parseRoute(win.location.pathname);
  };

  // One listener for every link, so rows and "Back to inbox" stay plain <a href> elements
  // that open in a new tab, copy and read like links.
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const target = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (
      !(target instanceof HTMLAnchorElement) ||
      target.target ||
      target.hasAttribute('download')
    ) {
      return;
    }
    const url = new URL(target.href);
    const ours = url.pathname === BASE || url.pathname.startsWith(`${BASE}/`);
    if (url.origin !== win.location.origin || !ours) return;
    // In-page links (the skip link) are the browser's to follow.
    if (url.pathname === win.location.pathname && url.hash) return;
    event.preventDefault();
    go(url.pathname + url.search);
  };

  return {
    route,
    kind,
    go,
    start() {
      win.addEventListener('popstate', onPop);
      win.document.addEventListener('click', onClick);
      return () => {
        win.removeEventListener('popstate', onPop);
        win.document.removeEventListener('click', onClick);
      };
    },
  };
};
