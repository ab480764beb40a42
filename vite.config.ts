/// <reference types="vitest/config" />
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import type { TestProjectInlineConfiguration } from 'vitest/config';

/**
 * The widget ships as two files (see ARCHITECTURE.md, "The widget's two stages"):
 * - `vite build` makes dist/widget.js, the loader every page view runs: a classic IIFE script,
 *   since the embed is a plain `<script async>`; no Preact, no zod.
 * - `vite build --mode form` makes dist/widget-form.js, the form: one ES module that the loader
 *   imports on intent, with Preact and the form's own state cells (form/signal.ts) inlined.
 * - `vite build --mode inbox` makes dist/inbox/, the reps' web app, served at /inbox.
 */
export default defineConfig(({ mode }) => {
  if (mode === 'inbox') return inbox;
  const form = mode === 'form';
  return {
    // The form's JSX calls Preact's `h` (classic runtime): the automatic runtime's
    // `jsx(type, { ...props, children })` needs a second vnode factory (preact/jsx-runtime) and
    // spells `children:` in every element (form 17715 -> 17661 B brotli). The loader has no JSX.
    plugins: form ? [] : [preact({ devToolsEnabled: false, prefreshEnabled: false })],
    oxc: form
      ? {
          jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment' },
          jsxInject: "import { h, Fragment } from 'preact'",
        }
      : undefined,
    define: {
      // Library mode keeps `process.env.*` for consumers; the browser has no `process`.
      'process.env.NODE_ENV': JSON.stringify('production'),
      __FORM_VERSION__: JSON.stringify(formVersion()),
    },
    build: {
      target: 'es2020',
      cssTarget: form ? FORM_BROWSERS : CARD_BROWSERS,
      outDir: 'dist',
      // The loader builds first and clears dist/; the form build adds its file beside it.
      emptyOutDir: !form,
      minify: true,
      sourcemap: false,
      copyPublicDir: false,
      // Vite leaves ES library output unminified (for other bundlers); ours goes to browsers.
      rolldownOptions: form
        ? { output: { minify: true, comments: false } }
        : { output: { postBanner: '//# allFunctionsCalledOnLoad' } },
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

/**
 * The browsers each stage's CSS is written for. The build lowers newer CSS for older targets,
 * and for the es2020 default that meant a `:lang()` list for every logical property and a
 * ten-font stack for `system-ui`, in both files. The card's flex `gap` already needs Safari
 * 14.1, and `system-ui` Firefox 92; the form's native `<dialog>` needs Safari 15.4 and Firefox
 * 98, so its logical properties (`inset-inline-end`, `border-end-end-radius`) stay as written.
 * Scripts keep es2020: with these browser names the build would lower `?.` (for Chrome < 91).
 */
const CARD_BROWSERS = ['chrome89', 'edge89', 'firefox92', 'safari14.1'];
const FORM_BROWSERS = ['chrome89', 'edge89', 'firefox98', 'safari15.4'];

/**
 * The form module's version, which the loader puts in its URL (`widget-form.js?v=`): a hash of
 * what both stages are built from. A loader then never gets a form module of another release
 * from a cache (the server answers any `v` with its current file), so the stages' seam
 * (widget/form-api.ts) only has to let a new form module serve a loader of an older release.
 */
function formVersion(): string {
  const root = import.meta.dirname;
  const hash = createHash('sha256');
  for (const dir of ['widget', 'contract']) {
    const names = readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' });
    for (const name of names.sort()) {
      if (!/\.(tsx?|css)$/.test(name) || /\.test\.tsx?$/.test(name)) continue;
      hash.update(`${dir}/${name}\0`).update(readFileSync(join(root, dir, name)));
    }
  }
  hash.update(readFileSync(join(root, 'package-lock.json')));
  return hash.digest('base64url').slice(0, 10);
}

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
      // The CLI opens SQLite only; the widget's size and the test SMTP sink have nothing to do
      // with the engine.
      exclude: [
        'tests/integration/cli.test.ts',
        'tests/integration/widget-size.test.ts',
        'tests/integration/smtp-sink.test.ts',
      ],
      env: { TEST_DATABASE: 'postgres' },
    },
  };
  const sqliteOnly = process.env.TEST_DATABASES === 'sqlite' && process.env.CI !== 'true';
  return sqliteOnly ? [sqlite] : [sqlite, postgres];
}
