import type { FormTexts } from '../form/i18n/en';
import type { CardTexts } from './en';

/** One language's texts for both stages (a `packs/<lang>.ts` module; see packs/index.ts). */
export interface LocalePack {
  card: CardTexts;
  form: FormTexts;
}
