import { beforeAll, expect, test } from 'vitest';
import {
  ensureWidgetBuilt,
  LOADER_BROTLI_BUDGET,
  measureLargestTexts,
  measureWidget,
  TOTAL_BROTLI_BUDGET,
  WIDGET_FILES,
} from '../support/widget-size';

beforeAll(ensureWidgetBuilt, 60_000);

test(`dist/widget.js, loaded on every page view, stays within ${LOADER_BROTLI_BUDGET} bytes brotli`, () => {
  expect(measureWidget(WIDGET_FILES.loader).brotli).toBeLessThanOrEqual(LOADER_BROTLI_BUDGET);
});

test(`loader, form and the largest language's texts together stay within ${TOTAL_BROTLI_BUDGET} bytes brotli`, () => {
  const total =
    measureWidget(WIDGET_FILES.loader).brotli +
    measureWidget(WIDGET_FILES.form).brotli +
    measureLargestTexts().size.brotli;
  expect(total).toBeLessThanOrEqual(TOTAL_BROTLI_BUDGET);
});
