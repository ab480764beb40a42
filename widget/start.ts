import { createApi } from './api';
import { createCard } from './card';
import { listenForContactClicks, listenForIntent } from './contact-clicks';
import { guard, report } from './guard';
import { en } from './i18n/en';
import { localeFor } from './i18n/locale';
import { createLauncher } from './launcher';
import { createFormLoader } from './load-form';
import { appendHost, attachRoot } from './mount';
import type { Namespace } from './namespace';
import { productFromDataset, productFromOptions } from './product';
import type { Settings } from './settings';

/** The settings read at load, the installed `window.liaison`, and the stylesheet text. */
export interface StartOptions {
  settings: Settings;
  namespace: Namespace;
  css: string;
}

const whenReady = (run: () => void) => {
  // An async script can run before the parser has reached the card's placeholder.
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', run, { once: true });
  } else run();
};

/**
 * Stage one, on every page view: load the config, render the cards (or the launcher), wire the
 * Contact Now buttons and `liaison()`. The form's module loads on the first sign of intent.
 */
export function startWidget({ settings, namespace, css }: StartOptions): void {
  const locale = localeFor({ en }, settings.lang);
  const api = createApi({ origin: settings.apiOrigin, site: settings.site, rep: settings.rep });
  const config = api
    // Without the fragment: it never changes which rep a page routes to, only the cache key.
    .loadConfig({
      page: location.origin + location.pathname + location.search,
      lang: settings.lang ?? navigator.language,
    })
    .then((result) => {
      // The card still works without config (generic texts), but the owner must hear of it.
      if (!result.ok) report(`widget-config failed: ${result.code}`);
      return result.ok ? result.config : null;
    });
  const form = createFormLoader({
    url: `${settings.apiOrigin}/widget-form.js`,
    options: () => ({ api, settings, config }),
  });
  const openBlank = () => form.open();

  listenForContactClicks(document, (element) =>
    form.open(productFromDataset(element.dataset, location.href)),
  );
  listenForIntent(document, form.preload);

  whenReady(
    guard(() => {
      const cards = document.querySelectorAll('[data-liaison-card]');
      for (const host of cards) {
        guard(() => {
          const card = createCard(locale, openBlank);
          attachRoot(host, css).append(card.element);
          config.then(card.show).catch(report);
        })();
      }
      if (cards.length === 0) {
        attachRoot(appendHost('liaison-launcher'), css).append(createLauncher(locale, openBlank));
      }
      namespace.start((name, options) => {
        if (name === 'open') form.open(productFromOptions(options, location.href));
        else if (name === 'close') form.close();
        else report(`unknown command: ${String(name)}`);
      });
      // A conversation page (the visitor's mail link): the thread is what they came for.
      if (settings.conversation) form.open();
    }),
  );
}
