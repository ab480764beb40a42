// Prints the widget's size figures (`npm run size`); the loader's budget is enforced by
// tests/integration/widget-size.test.ts.
import { relative } from 'node:path';
import {
  ensureWidgetBuilt,
  LOADER_BROTLI_BUDGET,
  measureLargestTexts,
  measureTexts,
  measureWidget,
  TOTAL_BROTLI_BUDGET,
  WIDGET_FILES,
  type WidgetSize,
} from '../support/widget-size';

await ensureWidgetBuilt();
const kb = (bytes: number) => (bytes / 1024).toFixed(2);
const loader = measureWidget(WIDGET_FILES.loader);
const form = measureWidget(WIDGET_FILES.form);
const texts = measureLargestTexts();
const english = measureTexts().find((t) => t.lang === 'en');
if (!english) throw new Error('no English texts');
const sum = (...sizes: WidgetSize[]): WidgetSize => ({
  raw: sizes.reduce((n, s) => n + s.raw, 0),
  gzip: sizes.reduce((n, s) => n + s.gzip, 0),
  brotli: sizes.reduce((n, s) => n + s.brotli, 0),
});
const row = (size: WidgetSize) => ({
  raw: size.raw,
  gzip: size.gzip,
  brotli: size.brotli,
  'brotli KB': kb(size.brotli),
});

console.table({
  [`${relative(process.cwd(), WIDGET_FILES.loader)} (every page view)`]: row(loader),
  [`${relative(process.cwd(), WIDGET_FILES.form)} (on intent)`]: row(form),
  [`texts of "${texts.lang}" in config answers (largest)`]: row(texts.size),
  'texts of "en" in config answers': row(english.size),
  'en: loader + form + texts': row(sum(loader, form, english.size)),
  [`${texts.lang}: loader + form + texts`]: row(sum(loader, form, texts.size)),
});
const share = ((loader.brotli / LOADER_BROTLI_BUDGET) * 100).toFixed(1);
console.log(`loader brotli budget: ${LOADER_BROTLI_BUDGET} bytes, ${share}% used`);
const total = sum(loader, form, texts.size).brotli;
console.log(
  `everything for one language: ${kb(total)} KB brotli; budget test ${kb(TOTAL_BROTLI_BUDGET)} KB,` +
    ` issue 5's target 18 KB (${((total / (18 * 1024)) * 100).toFixed(0)}% of it)`,
);
