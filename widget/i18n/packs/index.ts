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

/** Every language's texts but English's; the server sends one of them with the widget config. */
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

/** The pack of the closest language to `tag` ("pt-BR" -> pt); null for English or none. */
export function packFor(tag: string | undefined): LocalePack | null {
  const lang = tag ? closestLanguage(tag) : 'en';
  return lang === 'en' ? null : PACKS[lang];
}
