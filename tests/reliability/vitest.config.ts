import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Crash and outage tests against the real server process. Kept out of the default
 * `vitest run` (vite.config.ts) because they take minutes, not seconds:
 * `npx vitest run --config tests/reliability/vitest.config.ts`.
 */
export default defineConfig({
  // The config sits in a subfolder; globs and the server's paths are relative to the repo.
  root: join(import.meta.dirname, '../..'),
  test: {
    include: ['tests/reliability/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    // Each file starts servers and SMTP sinks and loads the machine: one at a time.
    fileParallelism: false,
  },
});
