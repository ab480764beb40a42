import { en as form } from '../../form/i18n/en';
import { FORM_TEXT_KEYS } from '../../form/i18n/keys';
import { en as card } from '../en';
import type { PACK_LANGUAGES } from '../languages';
import { closestLanguage } from '../locale';
import type { LocaleTexts, WidgetConfigQuery } from '../../../contract/widget-config';
import type { LocalePack } from '../pack';
import * as ar from './ar';
import * as de from './de';
import * as es from './es';
import * as fr from './fr';
import * as it from './it';
import * as ja from './ja';
import * as ko from './ko';
import * as pt from './pt';
import * as ru from './ru';
import * as tr from './tr';
import * as zh from './zh';

/** Every language's texts but English's (see ENGLISH); the server sends one with the config. */
export const PACKS: Record<(typeof PACK_LANGUAGES)[number], LocalePack> = {
  ar,
  de,
  es,
  fr,
  it,
  ja,
  ko,
  pt,
  ru,
  tr,
  zh,
};

/** English, the language every other is checked against (packs.test.ts) and the fallback. */
export const ENGLISH: LocalePack = { card, form };

/**
 * The config answer's texts: the pack of the closest language to `tag` ("pt-BR" -> pt, "sv" ->
 * English), or one stage's texts, the other's left empty (`part`: a page view asks for the
 * card's, the loader for the form's as the form module loads). None when no language was asked
 * for: a page view in English (the card's English is inline in the loader), or a loader of an
 * older release, which had English inline in both stages. `card-list` and `form-list` (this
 * release's loader) list the stage's texts in its keys' order; loaders of older releases
 * asked for `card` and `form`, by key.
 */
export function packFor(
  tag: string | undefined,
  part?: WidgetConfigQuery['texts'],
): LocaleTexts | null {
  if (tag === undefined) return null;
  const lang = closestLanguage(tag);
  const pack = lang === 'en' ? ENGLISH : PACKS[lang];
  switch (part) {
    case 'card':
      return { card: pack.card, form: {} };
    case 'form':
      return { card: {}, form: pack.form };
    case 'card-list':
      return { card: CARD_TEXT_KEYS.map((key) => pack.card[key]), form: [] };
    case 'form-list':
      return { card: [], form: FORM_TEXT_KEYS.map((key) => pack.form[key]) };
    default:
      return pack;
  }
}

// The card's keys are those of the loader's English texts, in their order.
const CARD_TEXT_KEYS = Object.keys(card) as (keyof typeof card)[];
