import type { AnswerCode } from '../responses';
import type { FormTexts } from './i18n/en';

/**
 * The visitor's text for an error code (`error.<CODE>`); a code there is none for, as a newer
 * server's may be, reads as INTERNAL. Codes the widget cannot bring about have none: the inbox's,
 * a malformed or wrongly typed body (it sends neither), an Idempotency-Key reused for another
 * body (it makes one per inquiry).
 */
export function errorText(texts: FormTexts, code: AnswerCode): string {
  const byKey: Readonly<Record<string, string | undefined>> = texts;
  return byKey[`error.${code}`] ?? texts['error.INTERNAL'];
}
