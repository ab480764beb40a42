/// <reference types="vitest/config" />
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

// One build, one file: the embeddable widget. Library mode so the output is a single IIFE
// that defines no global of its own (the entry assigns `window.liaison` itself).
export default defineConfig({
  plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })],
  define: {
    // Library mode keeps `process.env.*` for consumers; the browser has no `process`.
    'process.env.NODE_ENV': JSON.stringify('production'),
  },
  build: {
    target: 'es2020',
    outDir: 'dist',
    minify: true,
    sourcemap: false,
    copyPublicDir: false,
    lib: {
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
      'tests/integration/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 20000,
  },
});
