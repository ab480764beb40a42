import { en as form } from '../../form/i18n/en';
import { en as card } from '../en';
import type { PACK_LANGUAGES } from '../languages';
import { closestLanguage } from '../locale';
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
 * The pack of the closest language to `tag` ("pt-BR" -> pt, "sv" -> English): the config
 * answer's texts. None when no language was asked for: a loader of an older release asked
 * only for another language's, and had English inline in both stages.
 */
export function packFor(tag: string | undefined): LocalePack | null {
  if (tag === undefined) return null;
  const lang = closestLanguage(tag);
  return lang === 'en' ? ENGLISH : PACKS[lang];
}
