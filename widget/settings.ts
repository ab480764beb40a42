/** What the embed tells the widget: which site, optionally which rep and language, and the API. */
export interface Settings {
  site: string;
  rep?: string;
  lang?: string;
  apiOrigin: string;
  /**
   * A conversation token (`data-conversation`), on the page Liaison serves for a visitor's
   * mail link: the widget keeps it for the site and opens that thread at once.
   */
  conversation?: string;
  /** `liaisonSettings.texts`: the site's own wording for any text key, in any language. */
  texts?: Readonly<Record<string, string>>;
}

/** The part of a `<script>` element the settings come from; a plain object in tests. */
export interface ScriptLike {
  src: string;
  dataset: Record<string, string | undefined>;
}

/** The settings, or why there are none (logged for the site owner). */
export type SettingsResult = { ok: true; settings: Settings } | { ok: false; reason: string };

const nonEmpty = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

// Only string values: the texts end up in the DOM as text, whatever else the page put there.
const textsOf = (value: unknown): Record<string, string> | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const texts: Record<string, string> = {};
  for (const [key, text] of Object.entries(value)) if (typeof text === 'string') texts[key] = text;
  return texts;
};

const originOf = (url: string | undefined): string | undefined => {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    // An unparsable URL means "no origin from this source"; the caller reports what is missing.
    return undefined;
  }
};

/**
 * Merges the script tag's `data-*` attributes with `window.liaisonSettings` (which wins, so a
 * tag manager can configure a script it injects). The API origin defaults to the script's own.
 */
export function readSettings({
  script,
  override,
}: {
  script: ScriptLike | null;
  override: unknown;
}): SettingsResult {
  const o = typeof override === 'object' && override !== null ? override : {};
  const pick = (key: 'site' | 'rep' | 'lang' | 'conversation') =>
    nonEmpty(Reflect.get(o, key)) ?? nonEmpty(script?.dataset[key]);
  const site = pick('site');
  const apiOrigin = originOf(nonEmpty(Reflect.get(o, 'apiOrigin'))) ?? originOf(script?.src);
  if (!site) return { ok: false, reason: 'no site key: add data-site to the script tag' };
  if (!apiOrigin) return { ok: false, reason: 'no API origin: load the script from its server' };
  const settings: Settings = { site, apiOrigin };
  const rep = pick('rep');
  const lang = pick('lang');
  const conversation = pick('conversation');
  // A JSON attribute would be one more parser in the loader; a script object is enough.
  const texts = textsOf(Reflect.get(o, 'texts'));
  if (rep) settings.rep = rep;
  if (lang) settings.lang = lang;
  if (conversation) settings.conversation = conversation;
  if (texts) settings.texts = texts;
  return { ok: true, settings };
}

/**
 * Reads the settings from the page. Call it synchronously while the script runs:
 * `document.currentScript` is null afterwards (and always for modules).
 */
export function loadSettings(doc: Document = document, win: Window = window): SettingsResult {
  const current = doc.currentScript;
  // `'src' in`, not `instanceof HTMLScriptElement`: the first touch of that global costs a page
  // view about 2 ms at 4x CPU throttling (tests/bench/page-cost.ts). An SVG <script> has no src.
  const script =
    current && 'src' in current && current.src
      ? current
      : doc.querySelector<HTMLScriptElement>('script[data-site]');
  return readSettings({ script, override: win.liaisonSettings });
}
