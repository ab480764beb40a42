/** Texts of one language and the `lang`/`dir` that describe them. */
export interface Locale<T> {
  lang: string;
  dir: 'ltr' | 'rtl';
  texts: T;
}

const RTL = ['ar', 'fa', 'he', 'ur'];

/**
 * Picks the closest pack to `requested` ("pt-BR" -> "pt-BR", else "pt", else "en"). Each stage
 * passes its own packs, so the loader never carries the form's texts.
 */
export function localeFor<T>(packs: { en: T } & Record<string, T>, requested = 'en'): Locale<T> {
  const base = (requested.split('-')[0] ?? '').toLowerCase();
  const lang = [requested, base].find((tag) => tag in packs) ?? 'en';
  return {
    lang,
    dir: RTL.includes(lang.split('-')[0] ?? '') ? 'rtl' : 'ltr',
    texts: packs[lang] ?? packs.en,
  };
}

/** Fills `{key}` placeholders in a text; unknown keys stay visible rather than vanish. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (match, key: string) => String(values[key] ?? match));
}
