import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Sizes in bytes of one built file, as shipped and as served compressed. */
export interface WidgetSize {
  raw: number;
  gzip: number;
  brotli: number;
}

/** The brotli budget of dist/widget.js, in bytes. */
export const WIDGET_BROTLI_BUDGET = 16 * 1024;

/** Measures a built file: raw, gzip level 9 and brotli at maximum quality. */
export function measureWidget(path = 'dist/widget.js'): WidgetSize {
  const bytes = readFileSync(path);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  };
}
