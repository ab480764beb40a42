import { existsSync } from 'node:fs';
import { build } from 'vite';
import { beforeAll, expect, test } from 'vitest';
import { measureWidget, WIDGET_BROTLI_BUDGET } from '../support/widget-size';

const WIDGET = 'dist/widget.js';

beforeAll(async () => {
  // Standalone runs (no `npm run build` first) build the widget with the project's config.
  if (!existsSync(WIDGET)) await build({ logLevel: 'warn' });
}, 60_000);

test(`dist/widget.js stays within ${WIDGET_BROTLI_BUDGET} bytes brotli`, () => {
  const { brotli } = measureWidget(WIDGET);
  expect(brotli).toBeLessThanOrEqual(WIDGET_BROTLI_BUDGET);
});
