import type { ProductInput } from '../contract/inquiry';
import { createActions } from './actions';
import { createApi } from './api';
import { pageContext } from './build-inquiry';
import { Card } from './card';
import { listenForContactClicks } from './contact-clicks';
import { guard, report } from './guard';
import { localeFor } from './i18n/locale';
import { InquiryDialog } from './inquiry-dialog';
import { Launcher } from './launcher';
import { appendHost, createMounter } from './mount';
import type { Namespace } from './namespace';
import { productFromDataset, productFromOptions } from './product';
import type { Settings } from './settings';
import { createState } from './state';

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
 * Contact Now buttons and `liaison()`. The dialog is only built on the first open.
 */
export function startWidget({ settings, namespace, css }: StartOptions): void {
  const locale = localeFor(settings.lang);
  const state = createState();
  const api = createApi({ origin: settings.apiOrigin, site: settings.site, rep: settings.rep });
  const mount = createMounter({ css });
  const actions = createActions({
    state,
    api,
    texts: locale.texts,
    rep: settings.rep,
    page: () =>
      pageContext({
        location,
        referrer: document.referrer,
        language: navigator.language,
      }),
  });

  api
    .loadConfig()
    .then((result) => {
      if (result.ok) state.config.value = result.config;
      // The card still works without config (generic texts), but the owner must hear of it.
      else report(`widget-config failed: ${result.code}`);
      state.configLoading.value = false;
    })
    .catch(report);

  let dialogBuilt = false;
  const openForm = (product?: ProductInput) => {
    if (!dialogBuilt) {
      dialogBuilt = true;
      mount(
        appendHost('liaison-dialog'),
        <InquiryDialog state={state} actions={actions} locale={locale} />,
      );
    }
    actions.open(product);
  };

  listenForContactClicks(document, (element) =>
    openForm(productFromDataset(element.dataset, location.href)),
  );

  whenReady(
    guard(() => {
      const cards = document.querySelectorAll('[data-liaison-card]');
      for (const host of cards) {
        guard(mount)(host, <Card state={state} locale={locale} onOpen={() => openForm()} />);
      }
      if (cards.length === 0) {
        mount(
          appendHost('liaison-launcher'),
          <Launcher locale={locale} onOpen={() => openForm()} />,
        );
      }
      namespace.start((name, options) => {
        if (name === 'open') openForm(productFromOptions(options, location.href));
        else if (name === 'close') actions.close();
        else report(`unknown command: ${String(name)}`);
      });
    }),
  );
}
