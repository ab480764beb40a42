import { expect, test } from 'vitest';
import { chooseLanguage, closestLanguage, directionOf, fill } from './locale';

test('the setting wins, then the page, then the browser', () => {
  expect(chooseLanguage({ setting: 'ar', page: 'de', browser: ['ja'] })).toBe('ar');
  expect(chooseLanguage({ page: 'de', browser: ['ja'] })).toBe('de');
  expect(chooseLanguage({ setting: ' ', page: '', browser: ['ja-JP', 'fr'] })).toBe('ja');
  expect(chooseLanguage({})).toBe('en');
});

test('the first language given decides, even when it has no pack', () => {
  // A Swedish page is read in Swedish: the visitor's German browser does not make it German.
  expect(chooseLanguage({ page: 'sv', browser: ['de'] })).toBe('en');
});

test('picks the closest pack: region and script subtags fall away', () => {
  expect(closestLanguage('pt-BR')).toBe('pt');
  expect(closestLanguage('zh-CN')).toBe('zh');
  expect(closestLanguage('zh-Hans')).toBe('zh');
  expect(closestLanguage('zh_TW')).toBe('zh');
  expect(closestLanguage('DE')).toBe('de');
  expect(closestLanguage('en-GB')).toBe('en');
  expect(closestLanguage('sv-SE')).toBe('en');
  expect(closestLanguage('')).toBe('en');
});

test('lays out right-to-left languages right to left', () => {
  expect(directionOf('ar')).toBe('rtl');
  expect(directionOf('he-IL')).toBe('rtl');
  expect(directionOf('de')).toBe('ltr');
});

test('fill replaces known placeholders and keeps unknown ones visible', () => {
  expect(fill('Send an inquiry to {name}', { name: 'Mr. Moore Liu' })).toBe(
    'Send an inquiry to Mr. Moore Liu',
  );
  expect(fill('{count} of {max}', { count: 3 })).toBe('3 of {max}');
});
