import type { Locale } from './i18n/locale';
import { ChatIcon } from './icons';

/** The floating "Contact us" button, for pages without a card. */
export function Launcher({ locale, onOpen }: { locale: Locale; onOpen: () => void }) {
  return (
    <button
      type="button"
      class="launcher"
      lang={locale.lang}
      dir={locale.dir}
      aria-haspopup="dialog"
      onClick={onOpen}
    >
      <ChatIcon />
      <span>{locale.texts.launcher}</span>
    </button>
  );
}
