import { defineConfig } from 'vite';
import { packFile, PACK_LANGUAGES } from './widget/i18n/languages';

/**
 * `vite build --config vite.locales.config.ts` makes dist/widget-locale-<lang>.js, one ES module
 * per language (`export { card, form }`), beside the loader and the form: a page downloads only
 * its own language's pack, and English pages none (each stage carries English inline). Runs after
 * `vite build`, which clears dist/.
 */
export default defineConfig({
  build: {
    target: 'es2020',
    outDir: 'dist',
    emptyOutDir: false,
    minify: true,
    sourcemap: false,
    copyPublicDir: false,
    // Vite leaves ES library output unminified (for other bundlers); ours goes to browsers.
    rolldownOptions: { output: { minify: true } },
    lib: {
      entry: Object.fromEntries(
        PACK_LANGUAGES.map((lang) => [packFile(lang), `widget/i18n/packs/${lang}.ts`]),
      ),
      formats: ['es'],
      fileName: (_format, entryName) => entryName,
    },
  },
});
