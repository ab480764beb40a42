import { h, icon } from './dom';
import type { CardTexts } from './i18n/en';
import type { Locale } from './i18n/locale';

const CHAT = 'M21 12a8 8 0 0 1-11.6 7.1L4 20.5l1.4-4.9A8 8 0 1 1 21 12Z';

/** The floating "Contact us" button, for pages without a card. */
export function createLauncher(locale: Locale<CardTexts>, onOpen: () => void): HTMLElement {
  return h(
    'button',
    {
      type: 'button',
      class: 'launcher',
      lang: locale.lang,
      dir: locale.dir,
      'aria-haspopup': 'dialog',
      onClick: onOpen,
    },
    icon(CHAT, 22),
    h('span', {}, locale.texts.launcher),
  );
}
