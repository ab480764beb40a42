import { expect, test } from 'vitest';
import { fill, localeFor } from './locale';

const packs = {
  en: { hi: 'Hello' },
  pt: { hi: 'Olá' },
  'pt-BR': { hi: 'Oi' },
  ar: { hi: 'مرحبا' },
};

test('picks the exact tag, then its language, then English', () => {
  expect(localeFor(packs, 'pt-BR')).toEqual({ lang: 'pt-BR', dir: 'ltr', texts: { hi: 'Oi' } });
  expect(localeFor(packs, 'pt-PT').lang).toBe('pt');
  expect(localeFor(packs, 'PT').lang).toBe('pt');
  expect(localeFor(packs, 'de-DE')).toEqual({ lang: 'en', dir: 'ltr', texts: { hi: 'Hello' } });
  expect(localeFor(packs).lang).toBe('en');
});

test('lays out right-to-left languages right to left', () => {
  expect(localeFor(packs, 'ar-EG').dir).toBe('rtl');
});

test('fill replaces known placeholders and keeps unknown ones visible', () => {
  expect(fill('Send an inquiry to {name}', { name: 'Mr. Moore Liu' })).toBe(
    'Send an inquiry to Mr. Moore Liu',
  );
  expect(fill('{count} of {max}', { count: 3 })).toBe('3 of {max}');
});
