/// <reference types="vitest/config" />
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import type { TestProjectInlineConfiguration } from 'vitest/config';

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
      environment: 'node',
      testTimeout: 20000,
      projects: testProjects(),
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

/**
 * Every test on SQLite, and the tests that reach the store once more on PostgreSQL
 * (`TEST_DATABASE=postgres`, read by tests/support/test-database.ts), plus the tests of
 * PostgreSQL alone (several processes, LISTEN/NOTIFY). `TEST_DATABASES=sqlite` leaves
 * PostgreSQL out on a machine without one; CI always runs both.
 */
function testProjects(): TestProjectInlineConfiguration[] {
  const sqlite: TestProjectInlineConfiguration = {
    extends: true,
    test: {
      name: 'sqlite',
      include: [
        'contract/**/*.test.ts',
        'server/**/*.test.ts',
        'widget/**/*.test.{ts,tsx}',
        'inbox/**/*.test.{ts,tsx}',
        'tests/integration/**/*.test.ts',
      ],
    },
  };
  const postgres: TestProjectInlineConfiguration = {
    extends: true,
    test: {
      name: 'postgres',
      include: [
        'tests/integration/**/*.test.ts',
        'server/domain/admin.test.ts',
        'server/storage/**/*.test.ts',
        'tests/postgres/**/*.test.ts',
      ],
      // The CLI opens SQLite only; the widget's size has nothing to do with the engine.
      exclude: ['tests/integration/cli.test.ts', 'tests/integration/widget-size.test.ts'],
      env: { TEST_DATABASE: 'postgres' },
    },
  };
  const sqliteOnly = process.env.TEST_DATABASES === 'sqlite' && process.env.CI !== 'true';
  return sqliteOnly ? [sqlite] : [sqlite, postgres];
}
