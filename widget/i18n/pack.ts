import type { FormTexts } from '../form/i18n/en';
import type { CardTexts } from './en';

/** One language's texts for both stages: the module `dist/widget-locale-<lang>.js` exports. */
export interface LocalePack {
  card: CardTexts;
  form: FormTexts;
}
