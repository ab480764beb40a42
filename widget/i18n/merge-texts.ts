/** Texts a site or a pack provides, possibly partial; only string values count. */
export type TextLayer = Readonly<Record<string, unknown>> | null | undefined;

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
  ...bases: Readonly<Record<string, string>>[]
): string[] {
  return Object.keys(layer ?? {}).filter(
    (key) => !bases.some((base) => Object.keys(base).includes(key)),
  );
}
