// Prints the widget's size figures (`npm run size`); the budget itself is enforced by
// tests/integration/widget-size.test.ts.
import { measureWidget, WIDGET_BROTLI_BUDGET } from '../support/widget-size';

const path = process.argv[2] ?? 'dist/widget.js';
const size = measureWidget(path);
const kb = (bytes: number) => (bytes / 1024).toFixed(2);

console.log(`${path}\n`);
console.table({
  raw: { bytes: size.raw, KB: kb(size.raw) },
  gzip: { bytes: size.gzip, KB: kb(size.gzip) },
  brotli: { bytes: size.brotli, KB: kb(size.brotli) },
});
const share = ((size.brotli / WIDGET_BROTLI_BUDGET) * 100).toFixed(1);
console.log(
  `brotli budget: ${WIDGET_BROTLI_BUDGET} bytes (${kb(WIDGET_BROTLI_BUDGET)} KB), ${share}% used`,
);
