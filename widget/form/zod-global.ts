// zod's core keeps its settings on `globalThis.__zod_globalConfig` (zod/v4/core/core.js) and
// keeps its own reference to them. The widget promises the page one global only, so main.ts
// imports this module before anything that loads the contract, notes whether the page's own
// zod made that property, and removes ours once loaded.
const pageHadZod = '__zod_globalConfig' in globalThis;

/** Removes the global zod added while the widget loaded, unless the page's own zod owns it. */
export function removeZodGlobal(): void {
  if (!pageHadZod) Reflect.deleteProperty(globalThis, '__zod_globalConfig');
}
