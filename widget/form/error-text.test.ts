import { expect, test } from 'vitest';
import { errorText } from './error-text';
import { en } from './i18n/en';

test("a code's own text, and INTERNAL's for a code the widget has none for", () => {
  expect(errorText(en, 'TOO_MANY_ATTEMPTS')).toBe(en['error.TOO_MANY_ATTEMPTS']);
  expect(errorText(en, 'NETWORK')).toBe(en['error.NETWORK']);
  expect(errorText(en, 'SOME_NEWER_CODE')).toBe(en['error.INTERNAL']);
  expect(errorText(en, 'FORBIDDEN')).toBe(en['error.INTERNAL']);
});
