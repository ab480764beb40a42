import { report } from '../guard';
import { packFile, type Language } from './languages';
import { directionOf, type LangDir } from './locale';
import type { LocalePack } from './pack';

/** The language the widget speaks and its pack (null for English, which each stage carries). */
export interface ChosenLocale extends LangDir {
  pack: LocalePack | null;
}

/** Where the packs are, and (in tests) how a module is imported. */
export interface LoadLocaleOptions {
  lang: Language;
  /** The origin serving `widget-locale-<lang>.js`, the same as the widget's. */
  origin: string;
  importModule?: (url: string) => Promise<LocalePack>;
}

const ENGLISH: ChosenLocale = { lang: 'en', dir: 'ltr', pack: null };

const importUrl = (url: string): Promise<LocalePack> => import(/* @vite-ignore */ url);

/**
 * Loads the pack of `lang` (nothing for English). A pack that fails to load is reported and the
 * widget speaks English: a card in the wrong language still takes the inquiry.
 */
export function loadLocale({
  lang,
  origin,
  importModule = importUrl,
}: LoadLocaleOptions): Promise<ChosenLocale> {
  if (lang === 'en') return Promise.resolve(ENGLISH);
  return importModule(`${origin}/${packFile(lang)}`).then(
    (pack): ChosenLocale => ({ lang, dir: directionOf(lang), pack }),
    (err: unknown) => {
      report(err);
      return ENGLISH;
    },
  );
}
