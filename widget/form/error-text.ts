import type { AnswerCode } from '../responses';
import type { FormTexts } from './i18n/en';

/**
 * The visitor's text for an error code (`error.<CODE>`); a code there is none for, as a newer
 * server's may be, reads as INTERNAL. The inbox's codes have none: the widget never meets them.
 */
export function errorText(texts: FormTexts, code: AnswerCode): string {
  const byKey: Readonly<Record<string, string | undefined>> = texts;
  return byKey[`error.${code}`] ?? texts['error.INTERNAL'];
}
