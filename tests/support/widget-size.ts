import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'vite';
import { PACKS, packFor } from '../../widget/i18n/packs';

const ROOT = join(import.meta.dirname, '../..');

/** Sizes in bytes of one built file, as shipped and as served compressed. */
export interface WidgetSize {
  raw: number;
  gzip: number;
  brotli: number;
}

/** The widget's two files: what every page view loads, and what loads on intent. */
export const WIDGET_FILES = {
  loader: join(ROOT, 'dist/widget.js'),
  form: join(ROOT, 'dist/widget-form.js'),
} as const;

/**
 * Brotli budget of dist/widget.js, the loader every page view runs: the first issue's 16 KB
 * for the whole widget, tightened to 6 KB for this stage once the form moved out of it.
 */
export const LOADER_BROTLI_BUDGET = 6 * 1024;

/**
 * Brotli budget of everything one language needs: loader, form module and its texts in config
 * answers (the form carries none). Issue 5 asks for 18 KB; this holds what was reached (see the
 * latest figures in `npm run size`) so it cannot grow unnoticed while the rest is cut. Lower it
 * with every cut. It allows 50 bytes over the 26,107 measured: at its highest quality brotli
 * moves by tens of bytes on edits that change no size (one that took 32 bytes out of the form
 * added 22 brotli bytes), and a budget with no room failed on those. (It was 24,782 + 50 until
 * the fixes of 2026-12-07 added 297 bytes, and splitting the file actions out of actions.ts 37, of which reading a kept refusal with readError took 16 back: an inquiry refused unseen is kept on the device, a
 * basket hears the site's other tabs, a follow-up keeps what was typed while it was sending. Then
 * 25,100 + 50 until the outbox kept a list, one inquiry per tab, instead of one: 60 bytes. Then 25,160 + 50 until a refused attachment
 * was said in a live region and the picker, disabled by the third file, handed its focus to that
 * file's Remove button: 106 bytes. Then 25,266 + 50 until names, titles, messages and the
 * free-text fields took the direction of their own text (`dir="auto"`): 32 bytes; and 1 more
 * when the card grew with its texts instead of cutting them. Then 25,299 + 50 until Try again, in
 * the form and the thread, gave the focus to the dialog's heading as it went away: 40 bytes.
 * Then 25,339 + 50 until the loader's stylesheet stopped what a page's rules on the host element
 * pass on by inheritance (text-indent, word-spacing, white-space, text-shadow, text fill and
 * stroke, word-break, hyphens, cursor) at the card, dialog, launcher and notice: 66 bytes.
 * Then 25,402 + 50 until the email and phone fields ran left to right in Arabic: 15 bytes.
 * Then 25,417 + 50 until quantities were read in any digits with either decimal mark (the
 * field was `type=number`), units were named in the visitor's language, a full basket said so,
 * and the card floated clear of a page's text-decoration: 503 bytes, 94 of them texts. Then
 * 25,920 + 50 until a kept quantity was shown again as text read back the same, Arabic and
 * full-width decimal points were always points, and the basket's note took the widget's type:
 * 113 bytes. Then 26,033 + 50 until a quantity typed as no number was asked for as a number
 * (a text in 12 languages): 74 bytes.)
 */
export const TOTAL_BROTLI_BUDGET = 26_107 + 50;

/**
 * The loader names the form module with its version, a hash of every widget and contract
 * source (vite.config.ts `formVersion`): any edit, a comment in a file the server shares, draws
 * ten new random characters, which brotli packs into a few bytes more or less. Measured with one
 * fixed version of the same shape, a budget moves with the code only.
 */
const FORM_VERSION = /(widget-form\.js\?v=)[\w-]{10}/g;
const SAMPLE_VERSION = 'q7Xk2Lm9Zt';

/** Measures a built file: raw, gzip level 9 and brotli at maximum quality. */
export function measureWidget(path: string): WidgetSize {
  const text = readFileSync(path, 'latin1').replace(FORM_VERSION, `$1${SAMPLE_VERSION}`);
  return measureBytes(Buffer.from(text, 'latin1'));
}

/**
 * Each language's texts as config answers carry them: the form's in the answer the loader asks
 * for as the form module loads, and (but for English, whose are inline) the card's in every
 * page view's answer, both as lists (`texts=card-list|form-list`, what the loader asks for).
 * Each compressed on its own, as they travel.
 */
export function measureTexts(): { lang: string; size: WidgetSize }[] {
  return ['en', ...Object.keys(PACKS)].map((lang) => {
    const parts = lang === 'en' ? (['form-list'] as const) : (['card-list', 'form-list'] as const);
    const sizes = parts.map((part) =>
      measureBytes(Buffer.from(JSON.stringify(packFor(lang, part)))),
    );
    const sum = (key: keyof WidgetSize) => sizes.reduce((n, s) => n + s[key], 0);
    return { lang, size: { raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') } };
  });
}

/** The texts of the language whose texts are largest. */
export function measureLargestTexts(): { lang: string; size: WidgetSize } {
  return measureTexts().reduce((a, b) => (b.size.brotli > a.size.brotli ? b : a));
}

function measureBytes(bytes: Buffer): WidgetSize {
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

/** Builds both files with the project's Vite config unless they are already there. */
export async function ensureWidgetBuilt(): Promise<void> {
  if (existsSync(WIDGET_FILES.loader) && existsSync(WIDGET_FILES.form)) return;
  await build({ root: ROOT, logLevel: 'warn' });
  await build({ root: ROOT, logLevel: 'warn', mode: 'form' });
}
