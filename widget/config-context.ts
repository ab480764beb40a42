import type { Settings } from './settings';

/**
 * What the widget-config answer is asked about on this page: the rep an inquiry from here
 * would reach, and the texts of the language `ui` (English too: the form module carries none).
 * The loader asks on every page view; the form asks again only when it got no texts.
 */
export const configContext = (settings: Settings, ui: string) => ({
  // Without the fragment: it never changes which rep a page routes to, only the cache key.
  page: location.origin + location.pathname + location.search,
  // Routing's language is the visitor's, as in the inquiry's page context, not the card's.
  lang: settings.lang ?? navigator.language,
  ui,
});
