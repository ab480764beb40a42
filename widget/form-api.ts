import type { ProductInput } from '../contract/inquiry';
import type { WidgetConfig } from '../contract/widget-config';
import type { Api } from './api';
import type { Settings } from './settings';

// The seam between the two stages: the loader (dist/widget.js) imports the form module
// (dist/widget-form.js) on intent and hands it what it already has. Types only, so neither
// bundle carries the other's code.

/** What the loader gives the form. */
export interface FormOptions {
  api: Api;
  settings: Settings;
  /** The widget config, loaded by the loader (null when it could not be). */
  config: Promise<WidgetConfig | null>;
}

/** What the form gives back: the loader's buttons and `liaison()` drive it. */
export interface FormHandle {
  open(product?: ProductInput): void;
  close(): void;
}

/** The form module's one export. */
export interface FormModule {
  mountForm(options: FormOptions): FormHandle;
}
