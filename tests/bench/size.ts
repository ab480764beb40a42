// Prints the widget's size figures (`npm run size`); the loader's budget is enforced by
// tests/integration/widget-size.test.ts.
import { relative } from 'node:path';
import {
  ensureWidgetBuilt,
  LOADER_BROTLI_BUDGET,
  measureWidget,
  WIDGET_FILES,
  type WidgetSize,
} from '../support/widget-size';

await ensureWidgetBuilt();
const kb = (bytes: number) => (bytes / 1024).toFixed(2);
const loader = measureWidget(WIDGET_FILES.loader);
const form = measureWidget(WIDGET_FILES.form);
const total: WidgetSize = {
  raw: loader.raw + form.raw,
  gzip: loader.gzip + form.gzip,
  brotli: loader.brotli + form.brotli,
};
const row = (size: WidgetSize) => ({
  raw: size.raw,
  gzip: size.gzip,
  brotli: size.brotli,
  'brotli KB': kb(size.brotli),
});

console.table({
  [`${relative(process.cwd(), WIDGET_FILES.loader)} (every page view)`]: row(loader),
  [`${relative(process.cwd(), WIDGET_FILES.form)} (on intent)`]: row(form),
  'both together': row(total),
});
const share = ((loader.brotli / LOADER_BROTLI_BUDGET) * 100).toFixed(1);
console.log(`loader brotli budget: ${LOADER_BROTLI_BUDGET} bytes, ${share}% used`);
