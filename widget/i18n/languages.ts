/**
 * The languages with a locale pack (`packs/<lang>.ts`), sent with the widget config (see
 * packs/index.ts). English is not among them: its texts are `i18n/en.ts` (inline in the
 * loader, for a card without config) and `form/i18n/en.ts`, sent as `packs/index.ts` ENGLISH.
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
