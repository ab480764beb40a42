import { en, type Texts } from './en';

/** The texts the widget shows and the `lang`/`dir` that describe them. */
export interface Locale {
  lang: string;
  dir: 'ltr' | 'rtl';
  texts: Texts;
}

// Add a language here once its texts exist; until then every request falls back to English.
const LOCALES = new Map<string, Texts>([['en', en]]);
const RTL = ['ar', 'fa', 'he', 'ur'];

/** Picks the closest locale to `requested` ("pt-BR" -> "pt-BR", else "pt", else "en"). */
export function localeFor(requested = 'en'): Locale {
  const base = requested.split('-')[0] ?? '';
  const lang = [requested, base.toLowerCase()].find((tag) => LOCALES.has(tag)) ?? 'en';
  return {
    lang,
    dir: RTL.includes(lang.split('-')[0] ?? '') ? 'rtl' : 'ltr',
    texts: LOCALES.get(lang) ?? en,
  };
}

/** Fills `{key}` placeholders in a text; unknown keys stay visible rather than vanish. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (match, key: string) => String(values[key] ?? match));
}
