import { createApi } from './api';
import { createCard } from './card';
import { configContext } from './config-context';
import { listenForClicks, listenForIntent } from './contact-clicks';
import { guard, report } from './guard';
import { isRecord } from './responses';
import { en } from './i18n/en';
import { chooseLanguage, directionOf, type LangDir } from './i18n/locale';
import { mergeTexts, textsByKey } from './i18n/merge-texts';
import { createLauncher } from './launcher';
import { createFormLoader } from './load-form';
import { createNotice } from './notice';
import { applyTheme } from './theme';
import { appendHost, attachRoot } from './mount';
import { h } from './dom';
import type { Namespace } from './namespace';
import type { Settings } from './settings';
import { hasKeptWork } from './unsent-inquiry';

/** The settings read at load, the installed `window.liaison`, and the stylesheet text. */
export interface StartOptions {
  settings: Settings;
  namespace: Namespace;
  /**
   * The stylesheets: `base` (styles/base.css) starts every root of ours, the form's too; each
   * root adds its own, so a card's root parses no launcher rules.
   */
  css: { base: string; card: string; launcher: string; notice: string };
}

const whenIdle = (run: () => void) =>
  'requestIdleCallback' in window
    ? requestIdleCallback(run, { timeout: 3000 })
    : setTimeout(run, 1);

// Long enough for a config answer on a slow connection, short enough that a visitor is not
// left without the card's buttons when the API is slower still.
const CARD_WAIT_MS = 1000;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

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
  const lang = chooseLanguage({
    setting: settings.lang,
    page: document.documentElement.lang,
    browser: navigator.languages,
  });
  const api = createApi({ origin: settings.apiOrigin, site: settings.site, rep: settings.rep });
  const chosen: LangDir = { lang, dir: directionOf(lang) };
  const config = api
    // With the card's texts alone (none in English: they are inline here); the form's come
    // when it loads, so a page view does not carry them.
    .loadConfig({
      ...configContext(settings),
      ...(lang === 'en' ? {} : { ui: lang, texts: 'card-list' }),
    })
    .then((result) => {
      // The card still works without config (generic texts), but the owner must hear of it.
      if (!result.ok) report(`widget-config failed: ${result.code}`);
      return result.ok ? result.config : null;
    });
  // The card in English at once; in another language once its texts are here, or in English
  // when they did not come.
  const locale = (lang === 'en' ? Promise.resolve(null) : config).then((c) => {
    const card = c?.texts?.card;
    return {
      ...(card ? chosen : { lang: 'en', dir: 'ltr' as const }),
      texts: mergeTexts(en, textsByKey(card, Object.keys(en)), settings.texts),
    };
  });
  const notice = createNotice((box) =>
    attachRoot(appendHost('liaison-notice'), css.base, css.notice).append(box),
  );
  const form = createFormLoader({
    // Versioned, so that this loader never meets a form module of another release in a cache.
    url: `${settings.apiOrigin}/widget-form.js?v=${__FORM_VERSION__}`,
    onOpenFailed: () => locale.then((l) => notice(l.texts.formFailed, l)).catch(report),
    // The form's texts are asked for beside its module. Without them it cannot be shown: the
    // visitor is told, as when the module fails, and the next intent asks again.
    options: () =>
      api
        .loadConfig({ ...configContext(settings), ui: lang, texts: 'form-list' })
        .then((result) => {
          const texts = result.ok ? result.config.texts?.form : null;
          if (!result.ok || !texts)
            throw new Error(`form texts: ${result.ok ? 'none' : result.code}`);
          return {
            api,
            settings,
            config: Promise.resolve(result.config),
            mount: (tag: string, formCss: string) => attachRoot(appendHost(tag), css.base, formCss),
            language: chosen,
            texts,
            cardTexts: en,
          };
        }),
  });
  const openBlank = () => form.open();

  // The product's fields go to the form as the page wrote them: it reads them (product.ts).
  const productOf = ({ dataset }: HTMLElement) => ({
    name: dataset.productName,
    sku: dataset.productSku,
    url: dataset.productUrl,
    image: dataset.productImage,
  });
  listenForClicks(document, '[data-liaison-contact]', (element) => form.open(productOf(element)));
  listenForClicks(document, '[data-liaison-add]', (element) => form.add(productOf(element)));
  listenForIntent(document, form.preload);

  whenReady(
    guard(() => {
      const cards = document.querySelectorAll('[data-liaison-card]');
      // The card appears once, filled in: when the config is in (which brings another
      // language's texts), or after CARD_WAIT_MS with its skeleton when the API is slow. A
      // skeleton first and the rep a moment later cost the page two rounds of style, layout
      // and paint (tests/bench/page-cost.ts). Its host holds the card's height meanwhile.
      Promise.all([locale, Promise.race([config, delay(CARD_WAIT_MS)])])
        .then(([cardLocale]) => {
          for (const host of cards) {
            guard(() => {
              const card = createCard(cardLocale, openBlank);
              // In a frame that holds it as a float: see card.css.
              attachRoot(host, css.base, css.card).append(
                h('div', { class: 'frame' }, card.element),
              );
              config.then(card.show).catch(report);
            })();
          }
          if (cards.length === 0) {
            const launcher = createLauncher(cardLocale, openBlank);
            attachRoot(appendHost('liaison-launcher'), css.base, css.launcher).append(launcher);
            config.then((c) => applyTheme(launcher, c?.site.theme)).catch(report);
          }
        })
        .catch(report);
      // The API is documented in namespace.ts. `prefill` and `on` wait for the form's module
      // and are checked there; neither loads it.
      namespace.start((name, first, second) => {
        if (name === 'open') form.open(isRecord(first) ? first.product : undefined);
        else if (name === 'close') form.close();
        else if (name === 'add') form.add(isRecord(first) ? first.product : undefined);
        else if (name === 'prefill') form.whenMounted((handle) => handle.prefill(first));
        else if (name === 'on') form.whenMounted((handle) => handle.on(first, second));
        else report(`unknown command: ${String(name)}`);
      });
      // A conversation page (the visitor's mail link): the thread is what they came for.
      if (settings.conversation) form.open();
      // An inquiry an earlier page view could not send (the form's module sends it, unseen), or
      // a basket to show. Asked once the page is idle: the first read of localStorage loads
      // the origin's whole storage, a few ms a page need not wait for.
      else whenIdle(guard(() => hasKeptWork(settings.site) && form.preload()));
    }),
  );
}
