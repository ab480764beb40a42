// The visitor acknowledgement's texts, one file per language. `Record<Lang, AckTexts>` makes a
// language without a file, or a file without a key, a type error.
import { ar } from './ar';
import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { it } from './it';
import { ja } from './ja';
import { ko } from './ko';
import { pt } from './pt';
import { ru } from './ru';
import { tr } from './tr';
import { zh } from './zh';

/** A text per CLDR plural category of a number; `other` when the category has none. */
export type PluralTexts = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** Every text of the acknowledgement in one language; `{name}` marks a value filled in. */
export interface AckTexts {
  /** "We received your inquiry – {site}" */
  subject: string;
  /** "Dear {name}," */
  greeting: string;
  /** The greeting when the visitor left no name. */
  greetingNoName: string;
  /** "Thank you for your inquiry{product}." where {product} is `product` filled, or nothing. */
  received: string;
  /** " about {product}": placed into `received`, so each language decides where it goes. */
  product: string;
  /** "{rep} will answer you." */
  repAnswers: string;
  /** Instead of `repAnswers` when no rep is assigned. */
  unassigned: string;
  /** "You can expect a reply within {hours} hours." */
  replyWithin: PluralTexts;
  /** "{rep} is out of the office now and will be back on {when}." Replaces `replyWithin`. */
  replyBack: string;
  /** `{when}` in the visitor's own time zone: "{time} (your time)". */
  localTime: string;
  /** `{when}` when the visitor's time zone is unknown: "{time} (UTC)". */
  utcTime: string;
  /** "Your message:" above the quoted first message. */
  yourMessage: string;
  /** "You can reply to this mail or continue the conversation here: {url}" */
  continue: string;
  /** The closing and "{site}"; lines are separated by "\n". */
  signature: string;
  /** Between the sentences of a paragraph: a space, or nothing where the script uses none. */
  sentenceGap: string;
}

/** The acknowledgement's languages. */
export type Lang =
  'en' | 'zh' | 'es' | 'fr' | 'de' | 'ru' | 'pt' | 'ar' | 'ja' | 'ko' | 'it' | 'tr';

/** The texts of every language. */
export const ACK_TEXTS: Record<Lang, AckTexts> = { en, zh, es, fr, de, ru, pt, ar, ja, ko, it, tr };

/** The languages written right to left. */
const RTL: ReadonlySet<Lang> = new Set(['ar']);

/**
 * The language for a page's language tag by its primary subtag ("pt-BR" -> pt, "zh-Hans-CN" ->
 * zh); English for a missing or unknown tag. Every Chinese tag gets Simplified Chinese, which
 * Traditional readers read far better than English.
 */
export function ackLangFor(tag: string | null): Lang {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return isLang(primary) ? primary : 'en';
}

/** The writing direction of a language. */
export function ackDirFor(lang: Lang): 'ltr' | 'rtl' {
  return RTL.has(lang) ? 'rtl' : 'ltr';
}

function isLang(value: string): value is Lang {
  return Object.hasOwn(ACK_TEXTS, value);
}

/**
 * Fills `{key}` placeholders in one pass, so a value that itself contains "{...}" stays as
 * written; an unknown key stays visible rather than vanish.
 */
export function fillAck(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (match, key: string) => values[key] ?? match);
}
