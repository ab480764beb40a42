import { createApi } from './api';
import { createCard } from './card';
import { listenForContactClicks, listenForIntent } from './contact-clicks';
import { guard, report } from './guard';
import { en } from './i18n/en';
import { loadLocale } from './i18n/load-locale';
import { chooseLanguage } from './i18n/locale';
import { mergeTexts } from './i18n/merge-texts';
import { createLauncher } from './launcher';
import { createFormLoader } from './load-form';
import { appendHost, attachRoot } from './mount';
import type { Namespace } from './namespace';
import { productFromDataset, productFromOptions } from './product';
import type { Settings } from './settings';
import { hasUnsentInquiry } from './unsent-inquiry';

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
  // Loaded beside the config: a card waits for both anyway. English loads nothing.
  const chosen = loadLocale({
    lang: chooseLanguage({
      setting: settings.lang,
      page: document.documentElement.lang,
      browser: navigator.languages,
    }),
    origin: settings.apiOrigin,
  });
  const locale = chosen.then(({ lang, dir, pack }) => ({
    lang,
    dir,
    texts: mergeTexts(en, pack?.card, settings.texts),
  }));
  const api = createApi({ origin: settings.apiOrigin, site: settings.site, rep: settings.rep });
  const config = api
    // Without the fragment: it never changes which rep a page routes to, only the cache key.
    .loadConfig({
      page: location.origin + location.pathname + location.search,
      // Routing's language is the visitor's, as in the inquiry's page context, not the card's.
      lang: settings.lang ?? navigator.language,
    })
    .then((result) => {
      // The card still works without config (generic texts), but the owner must hear of it.
      if (!result.ok) report(`widget-config failed: ${result.code}`);
      return result.ok ? result.config : null;
    });
  const form = createFormLoader({
    url: `${settings.apiOrigin}/widget-form.js`,
    options: () =>
      chosen.then(({ lang, dir, pack }) => ({
        api,
        settings,
        config,
        language: { lang, dir },
        texts: pack?.form,
      })),
  });
  const openBlank = () => form.open();

  listenForContactClicks(document, (element) =>
    form.open(productFromDataset(element.dataset, location.href)),
  );
  listenForIntent(document, form.preload);

  whenReady(
    guard(() => {
      const cards = document.querySelectorAll('[data-liaison-card]');
      // The card appears once its texts are here: for English in the same task (a resolved
      // promise), before any paint; its host holds the card's height meanwhile.
      locale
        .then((cardLocale) => {
          for (const host of cards) {
            guard(() => {
              const card = createCard(cardLocale, openBlank);
              attachRoot(host, css).append(card.element);
              config.then(card.show).catch(report);
            })();
          }
          if (cards.length === 0) {
            attachRoot(appendHost('liaison-launcher'), css).append(
              createLauncher(cardLocale, openBlank),
            );
          }
        })
        .catch(report);
      // The API is documented in namespace.ts. `prefill` and `on` wait for the form's module
      // and are checked there; neither loads it.
      namespace.start((name, first, second) => {
        if (name === 'open') form.open(productFromOptions(first, location.href));
        else if (name === 'close') form.close();
        else if (name === 'prefill') form.whenMounted((handle) => handle.prefill(first));
        else if (name === 'on') form.whenMounted((handle) => handle.on(first, second));
        else report(`unknown command: ${String(name)}`);
      });
      // A conversation page (the visitor's mail link): the thread is what they came for.
      if (settings.conversation) form.open();
      // An inquiry an earlier page view could not send: the form's module sends it, unseen.
      else if (hasUnsentInquiry(settings.site)) form.preload();
    }),
  );
}
