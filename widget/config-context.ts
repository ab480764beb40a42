import type { Settings } from './settings';

/**
 * Where the widget-config answer is asked for: the page and the visitor's language, which pick
 * the rep an inquiry from here would reach. The loader asks on every page view (with the card's
 * texts), and again for the form's texts as the form module loads; the form asks itself when a
 * loader of an older release brought it none.
 */
export const configContext = (settings: Settings) => ({
  // Without the fragment: it never changes which rep a page routes to, only the cache key.
  page: location.origin + location.pathname + location.search,
  // Routing's language is the visitor's, as in the inquiry's page context, not the card's.
  lang: settings.lang ?? navigator.language,
  // An off-duty rep's return comes written in the visitor's time: no Intl on the page.
  tzo: new Date().getTimezoneOffset(),
});
