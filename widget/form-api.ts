import type { TextList, WidgetConfig } from '../contract/widget-config';
import type { Api } from './api';
import type { LangDir } from './i18n/locale';
import type { Settings } from './settings';

// The seam between the two stages: the loader (dist/widget.js) imports the form module
// (dist/widget-form.js) on intent and hands it what it already has. Types only, so neither
// bundle carries the other's code.

/** What the loader gives the form. */
export interface FormOptions {
  api: Api;
  settings: Settings;
  /** The widget config with the form's texts, loaded by the loader (null when it could not be). */
  config: Promise<WidgetConfig | null>;
  /** Appends a host element `tag` to `<body>` and gives it a shadow root: base styles + `css`. */
  mount(tag: string, css: string): ShadowRoot;
  /** The language the loader chose (absent: English, as from a loader of an older release). */
  language?: LangDir;
  /**
   * That language's form texts, from the config answer the loader asked for beside the form
   * module: a list in the order of form/i18n/keys.ts, or by key from a loader of an older
   * release. Absent from one older still, in English: the form then asks itself.
   */
  texts?: Readonly<Record<string, string>> | TextList | null;
  /**
   * The card's texts (the loader's English): with the form's, every key a site may override,
   * so that the form can name the ones no stage knows. Absent from a loader of an older release.
   */
  cardTexts?: Readonly<Record<string, unknown>>;
}

/**
 * What the form gives back: the loader's buttons and `liaison()` drive it. `open` and `add`
 * may answer a promise, rejected when the form could not mount (no texts): the loader then
 * tells the visitor, as when the module itself failed to load.
 */
export interface FormHandle {
  /**
   * Opens the form. `product`: the page's fields (`{ name, sku, url, image }`, of
   * `data-product-*` or `liaison('open', { product })`) as the page wrote them, read by the
   * form (product.ts); a loader of an older release passed them read already, which reads the
   * same.
   */
  open(product?: unknown): void | Promise<void>;
  close(): void;
  /**
   * Puts a product in the inquiry basket (`data-liaison-add`, `liaison('add')`); one without a
   * name is the page's mistake, reported.
   */
  add(product: unknown): void | Promise<void>;
  /** `liaison('prefill', values)`, checked here: the loader passes on whatever the page gave. */
  prefill(values: unknown): void;
  /** `liaison('on', event, handler)`, checked here likewise. */
  on(event: unknown, handler: unknown): void;
}

/** The form module's one export. */
export interface FormModule {
  mountForm(options: FormOptions): FormHandle;
}
