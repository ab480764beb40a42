import { beforeAll, expect, test } from 'vitest';
import {
  ensureWidgetBuilt,
  LOADER_BROTLI_BUDGET,
  measureWidget,
  WIDGET_FILES,
} from '../support/widget-size';

beforeAll(ensureWidgetBuilt, 60_000);

test(`dist/widget.js, loaded on every page view, stays within ${LOADER_BROTLI_BUDGET} bytes brotli`, () => {
  expect(measureWidget(WIDGET_FILES.loader).brotli).toBeLessThanOrEqual(LOADER_BROTLI_BUDGET);
});
