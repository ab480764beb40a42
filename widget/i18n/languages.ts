/**
 * The languages with a locale pack (`packs/<lang>.ts`, built to `dist/widget-locale-<lang>.js`).
 * English is not among them: each stage carries its own English texts inline.
 */
export const PACK_LANGUAGES = [
  'zh',
  'es',
  'fr',
  'de',
  'ru',
  'pt',
  'ar',
  'ja',
  'ko',
  'it',
  'tr',
] as const;

/** A language the widget speaks: English or one with a pack. */
export type Language = 'en' | (typeof PACK_LANGUAGES)[number];

/** The file name of a language's pack, as built and as the server serves it. */
export const packFile = (lang: Exclude<Language, 'en'>): string => `widget-locale-${lang}.js`;
