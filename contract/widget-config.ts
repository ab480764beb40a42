import * as z from 'zod/mini';

/**
 * `GET /api/v1/sites/{siteKey}/widget-config?rep=&page=&lang=`: the page and language let the
 * card show the rep an inquiry from that page would reach.
 */
export const WidgetConfigQuery = z.strictObject({
  rep: z.optional(z.string().check(z.maxLength(100))),
  page: z.optional(z.string().check(z.maxLength(2000))),
  lang: z.optional(z.string().check(z.maxLength(35))),
  /**
   * The language the widget speaks (it chose it from data-lang, the page or the browser): the
   * answer carries that language's texts (English for one without a pack), so the form module
   * carries none and a page view makes two requests in any language.
   */
  ui: z.optional(z.string().check(z.maxLength(35))),
  /**
   * Which stage's texts: `card` for a page view, `form` for the answer the loader asks for as
   * the form module loads; the other stage's are left empty. Absent: both. With `-list`
   * (what this release's loader asks for), the stage's texts come as a list of strings in the
   * order of its keys (`TextList`), not as an object by key: the keys' names are most of a
   * pack's bytes. Without it, as loaders of older releases asked.
   */
  texts: z.optional(z.enum(['card', 'form', 'card-list', 'form-list'])),
  /**
   * The visitor's UTC offset in minutes, as `Date.getTimezoneOffset()` gives it (-60 in
   * Berlin in winter): an off-duty rep's return is written in the visitor's time, so the card
   * never pays for `Intl` on the host page.
   */
  tzo: z.optional(z.string().check(z.regex(/^-?\d{1,3}$/, 'Minutes, e.g. -60.'))),
});
export type WidgetConfigQuery = z.input<typeof WidgetConfigQuery>;

/** What the widget needs to render. */
export interface WidgetConfig {
  site: {
    name: string;
    /** "Usually replies within N hours". */
    replyPromiseHours: number;
    themeColor: string | null;
    /** The theme colour as CSS custom properties, contrast kept (server/domain/theme.ts). */
    theme: ThemeVars | null;
  };
  rep: RepCard | null;
  /**
   * The texts of the asked-for `ui` language (English for one without a pack); null when no
   * `ui` was asked for. The form module carries no texts of its own.
   */
  texts: LocaleTexts | null;
}

/** One language's texts for both stages of the widget (widget/i18n/packs/*.ts). */
export interface LocaleTexts {
  card: Record<string, string> | TextList;
  /** Empty when only the card's were asked for (`texts=card`); `card` likewise. */
  form: Record<string, string> | TextList;
}

/**
 * A stage's texts as `texts=card-list|form-list` asks for them: the values in the order of the
 * stage's keys (the loader's English texts in widget/i18n/en.ts for the card,
 * widget/form/i18n/keys.ts for the form), which the widget knows.
 */
export type TextList = readonly string[];

/** The rep shown on the "Online Service" card. */
export interface RepCard {
  handle: string;
  name: string;
  title: string | null;
  photoUrl: string | null;
  /** On duty and not away now. */
  available: boolean;
  /** When not available: when they are next on duty (ISO), if known. */
  nextAvailableAt: string | null;
  /**
   * That moment as the visitor reads it, in the `ui` language at the `tzo` offset ("Monday
   * 9:00 AM"); null without `tzo` or `nextAvailableAt`. At a daylight-saving change between
   * now and then it is an hour off.
   */
  back: string | null;
  /** For a "Chat on WhatsApp" link, e.g. "+8613800000000". */
  whatsapp: string | null;
}

/** The widget's accent colours: `--accent`, `--accent-hover`, `--on-accent`, `--accent-text`. */
export type ThemeVars = Record<string, string>;
