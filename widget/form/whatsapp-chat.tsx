import type { FormTexts } from './i18n/en';
import type { WidgetState } from './state';
import { whatsappLink } from './whatsapp-link';

/** A chat with the card's rep, the inquiry so far prefilled; null when they have no WhatsApp. */
export const chatHref = (state: WidgetState): string | null => {
  const phone = state.config.value?.rep?.whatsapp;
  return phone
    ? whatsappLink(phone, { lines: state.lines.value, values: state.values.value })
    : null;
};

/** "Chat on WhatsApp", in a new tab: the form stays as the visitor left it. */
export function WhatsappChat({ href, texts: t }: { href: string; texts: FormTexts }) {
  return (
    <a class="btn secondary wa" href={href} target="_blank" rel="noopener noreferrer">
      {t.whatsapp}
      <span class="sr-only"> {t.newTab}</span>
    </a>
  );
}
