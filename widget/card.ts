import type { WidgetConfig } from '../contract/widget-config';
import { h, icon } from './dom';
import { applyTheme } from './theme';
import type { CardTexts } from './i18n/en';
import { fill, type Locale } from './i18n/locale';

/**
 * "Usually replies within 24 hours", or when an off-duty rep is back, in the visitor's time (the
 * server writes it: a host page's first Intl call costs tens of ms).
 */
function replyTime({ rep, site }: WidgetConfig, locale: Locale<CardTexts>): string {
  const t = locale.texts;
  if (rep?.available || !rep?.back) return fill(t.repliesWithin, { hours: site.replyPromiseHours });
  return fill(t.backAt, { when: rep.back });
}

const PERSON = 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm-7 8a7 7 0 0 1 14 0';

/** The card's root element and how to show the config once it arrives. */
export interface CardView {
  element: HTMLElement;
  /** Fills in the rep (null config: the generic texts); the buttons stay, and so does focus. */
  show(config: WidgetConfig | null): void;
}

/** The "Online Service" card: the rep's face, name and availability, and two ways to write. */
export function createCard(locale: Locale<CardTexts>, onOpen: () => void): CardView {
  const t = locale.texts;
  const rep = h(
    'div',
    { class: 'rep', 'aria-hidden': 'true' },
    h('span', { class: 'photo' }),
    h(
      'div',
      { class: 'rep-text' },
      h('span', { class: 'skeleton' }),
      h('span', { class: 'skeleton short' }),
    ),
  );
  const button = (label: string, kind: string) =>
    h(
      'button',
      { type: 'button', class: `btn ${kind}`, 'aria-haspopup': 'dialog', onClick: onOpen },
      label,
    );
  const element = h(
    'section',
    {
      class: 'card',
      lang: locale.lang,
      dir: locale.dir,
      'aria-labelledby': 'card-title',
      'aria-busy': 'true',
    },
    h('h2', { class: 'card-title', id: 'card-title' }, t.cardHeading),
    h(
      'div',
      { class: 'card-body' },
      rep,
      h(
        'div',
        { class: 'card-actions' },
        button(t.leaveMessage, 'secondary'),
        button(t.contactNow, 'primary'),
      ),
    ),
  );

  return {
    element,
    show(config) {
      applyTheme(element, config?.site.theme);
      const person = config?.rep ?? null;
      const photo = person?.photoUrl
        ? h('img', {
            class: 'photo',
            src: person.photoUrl,
            width: 64,
            height: 64,
            // A raster photo is decoded off the page's main thread.
            decoding: 'async',
            alt: person.name,
          })
        : h('span', { class: 'photo' }, icon(PERSON, 32));
      rep.replaceChildren(
        photo,
        h(
          'div',
          { class: 'rep-text' },
          // A name or title in another script than the card's keeps its punctuation in place.
          h(
            'p',
            { class: 'rep-name', dir: 'auto' },
            person?.name ?? config?.site.name ?? t.cardFallbackName,
          ),
          person?.title && h('p', { class: 'rep-title', dir: 'auto' }, person.title),
          person &&
            h(
              'p',
              { class: 'status' },
              h('span', { class: person.available ? 'dot on' : 'dot', 'aria-hidden': 'true' }),
              person.available ? t.available : t.away,
            ),
          person && config && h('p', { class: 'reply-time' }, replyTime(config, locale)),
        ),
      );
      rep.removeAttribute('aria-hidden');
      element.removeAttribute('aria-busy');
    },
  };
}
