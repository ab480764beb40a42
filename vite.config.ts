/// <reference types="vitest/config" />
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

/**
 * The widget ships as two files (see ARCHITECTURE.md, "The widget's two stages"):
 * - `vite build` makes dist/widget.js, the loader every page view runs: a classic IIFE script,
 *   since the embed is a plain `<script async>`; no Preact, no zod.
 * - `vite build --mode form` makes dist/widget-form.js, the form: one ES module that the loader
 *   imports on intent, with Preact, signals and the contract's zod/mini schemas inlined.
 * - `vite build --mode inbox` makes dist/inbox/, the reps' web app, served at /inbox.
 */
export default defineConfig(({ mode }) => {
  if (mode === 'inbox') return inbox;
  const form = mode === 'form';
  return {
    plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })],
    define: {
      // Library mode keeps `process.env.*` for consumers; the browser has no `process`.
      'process.env.NODE_ENV': JSON.stringify('production'),
    },
    build: {
      target: 'es2020',
      outDir: 'dist',
      // The loader builds first and clears dist/; the form build adds its file beside it.
      emptyOutDir: !form,
      minify: true,
      sourcemap: false,
      copyPublicDir: false,
      // Vite leaves ES library output unminified (for other bundlers); ours goes to browsers.
      rolldownOptions: form ? { output: { minify: true } } : {},
      lib: form
        ? { entry: 'widget/form/index.tsx', formats: ['es'], fileName: () => 'widget-form.js' }
        : {
            entry: 'widget/main.ts',
            formats: ['iife'],
            name: 'liaisonWidget',
            fileName: () => 'widget.js',
          },
    },
    test: {
      include: [
        'contract/**/*.test.ts',
        'server/**/*.test.ts',
        'widget/**/*.test.{ts,tsx}',
        'inbox/**/*.test.{ts,tsx}',
        'tests/integration/**/*.test.ts',
      ],
      environment: 'node',
      testTimeout: 20000,
    },
  };
});

/** The reps' inbox: an ordinary single-page app under /inbox. */
const inbox = {
  root: 'inbox',
  base: '/inbox/',
  plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })],
  build: { outDir: '../dist/inbox', emptyOutDir: true, target: 'es2020' },
};
