import type { TextList } from '../../contract/widget-config';

/** Texts a site or a pack provides, possibly partial; only string values count. */
export type TextLayer = Readonly<Record<string, unknown>> | null | undefined;

/**
 * A stage's texts from a config answer, by key: this release's loader asks for them as a list
 * in the order of the stage's `keys` (`texts=card-list|form-list`); an answer to an older
 * loader's question has them by key already.
 */
export function textsByKey(
  texts: Readonly<Record<string, string>> | TextList | null | undefined,
  keys: readonly string[],
): Readonly<Record<string, string | undefined>> | null | undefined {
  if (!isTextList(texts)) return texts;
  return Object.fromEntries(keys.map((key, i) => [key, texts[i]]));
}

/** Whether a stage's texts came as a list (`textsByKey`). */
export const isTextList = (value: unknown): value is TextList => Array.isArray(value);

/**
 * `base` with each of its keys taken from the last layer that has a string for it (a pack,
 * then the site's `liaisonSettings.texts`). Keys `base` does not have are ignored, so a stage
 * never picks up the other stage's texts; a missing key keeps the English text.
 */
export function mergeTexts<K extends string>(
  base: Readonly<Record<K, string>>,
  ...layers: TextLayer[]
): Record<K, string> {
  const merged: Record<K, string> = { ...base };
  for (const key in base) {
    for (const layer of layers) {
      const value = layer?.[key];
      if (typeof value === 'string') merged[key] = value;
    }
  }
  return merged;
}

/** The keys of `layer` that none of `bases` has: a site's misspelt or outdated overrides. */
export function unknownKeys(
  layer: TextLayer,
  ...bases: Readonly<Record<string, unknown>>[]
): string[] {
  return Object.keys(layer ?? {}).filter(
    (key) => !bases.some((base) => Object.keys(base).includes(key)),
  );
}
