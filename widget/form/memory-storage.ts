import type { StorageLike } from './token-store';

/** A `Storage` in a Map, for tests of what the widget keeps in the browser. */
export const memoryStorage = (): StorageLike & { items: Map<string, string> } => {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
};
