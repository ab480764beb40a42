import { expect, test } from 'vitest';
import { en } from './en';
import { fill, localeFor } from './locale';

test('falls back to English for languages without texts', () => {
  expect(localeFor('de-DE')).toEqual({ lang: 'en', dir: 'ltr', texts: en });
  expect(localeFor('EN-gb').lang).toBe('en');
  expect(localeFor().lang).toBe('en');
});

test('fill replaces known placeholders and keeps unknown ones visible', () => {
  expect(fill('Send an inquiry to {name}', { name: 'Mr. Moore Liu' })).toBe(
    'Send an inquiry to Mr. Moore Liu',
  );
  expect(fill('{count} of {max}', { count: 3 })).toBe('3 of {max}');
});
