import { PACK_LANGUAGES, type Language } from './languages';

/** The writing direction of a language, for the `dir` attribute. */
export type Direction = 'ltr' | 'rtl';

/** A language and its direction: what the `lang` and `dir` attributes of our roots say. */
export interface LangDir {
  lang: string;
  dir: Direction;
}

/** Texts of one language and the `lang`/`dir` that describe them. */
export interface Locale<T> extends LangDir {
  texts: T;
}

// Scripts written right to left; only Arabic has a pack today, the rest are ready for theirs.
const RTL = ['ar', 'fa', 'he', 'ur'];

const primary = (tag: string): string => (tag.trim().split(/[-_]/)[0] ?? '').toLowerCase();

/** Whether a language is written right to left. */
export const directionOf = (lang: string): Direction =>
  RTL.includes(primary(lang)) ? 'rtl' : 'ltr';

/**
 * The closest language with texts: "pt-BR" -> "pt", "zh-CN" or "zh-Hans" -> "zh", else "en".
 * Every Chinese tag gets the Simplified pack: a Traditional reader reads it far better than
 * English.
 */
export function closestLanguage(tag: string): Language {
  const base = primary(tag);
  return PACK_LANGUAGES.find((lang) => lang === base) ?? 'en';
}

/** Where the language can come from, strongest first. */
export interface LanguageSources {
  /** `data-lang` or `liaisonSettings.lang`: the site's explicit choice. */
  setting?: string | undefined;
  /** `<html lang>`: the language the page is written in. */
  page?: string | undefined;
  /** `navigator.languages`: the visitor's preference order. */
  browser?: readonly string[];
}

/**
 * The one place the widget's language is chosen: the setting, else the page's `lang`, else the
 * browser's first language; the first of these that is given decides, then its closest pack.
 */
export function chooseLanguage({ setting, page, browser = [] }: LanguageSources): Language {
  const requested = [setting, page, browser[0]].find((tag) => tag?.trim());
  return requested ? closestLanguage(requested) : 'en';
}

/** Fills `{key}` placeholders in a text; unknown keys stay visible rather than vanish. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (match, key: string) => String(values[key] ?? match));
}
