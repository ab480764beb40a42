import { describe, expect, test } from 'vitest';
import { en as form } from '../form/i18n/en';
import { en as card } from './en';
import { PACK_LANGUAGES } from './languages';
import type { LocalePack } from './pack';
import { ENGLISH, PACKS, packFor } from './packs';
import { FORM_TEXT_KEYS } from '../form/i18n/keys';
import { textsByKey } from './merge-texts';

// Every pack file (index.ts lists them for the server).
const packs: Record<string, LocalePack> = import.meta.glob(['./packs/*.ts', '!./packs/index.ts'], {
  eager: true,
});

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('there is a pack file for every language, and no other, and the server sends each', () => {
  expect(Object.keys(packs).sort()).toEqual(PACK_LANGUAGES.map((l) => `./packs/${l}.ts`).sort());
  expect(Object.keys(PACKS).sort()).toEqual([...PACK_LANGUAGES].sort());
});

test('the server picks the closest pack, English for English or none, nothing unasked', () => {
  expect(packFor('pt-BR')).toBe(PACKS.pt);
  expect(packFor('zh-Hant-TW')).toBe(PACKS.zh);
  expect(packFor('en-GB')).toEqual({ card, form });
  expect(packFor('xx')).toBe(ENGLISH);
  // A page view in English asks for none (the card's are inline), nor did an older loader.
  expect(packFor(undefined)).toBeNull();
});

test("a page view's answer has the card's texts alone, the form module's the form's", () => {
  expect(packFor('de', 'card')).toEqual({ card: PACKS.de.card, form: {} });
  expect(packFor('de', 'form')).toEqual({ card: {}, form: PACKS.de.form });
  expect(packFor('en-US', 'form')).toEqual({ card: {}, form });
  expect(packFor(undefined, 'card')).toBeNull();
});

test("this release's loader gets each stage's texts as a list in its keys' order", () => {
  expect(packFor('de', 'card-list')).toEqual({
    card: Object.keys(card).map((key) => Reflect.get(PACKS.de.card, key)),
    form: [],
  });
  expect(packFor('de', 'form-list')).toEqual({
    card: [],
    form: FORM_TEXT_KEYS.map((key) => PACKS.de.form[key]),
  });
  // Read back by key, as the loader and the form do, they are the pack again.
  const list = packFor('ru', 'form-list')?.form ?? [];
  expect(textsByKey(list, FORM_TEXT_KEYS)).toEqual(PACKS.ru.form);
  // The keys are English's, each once.
  expect([...FORM_TEXT_KEYS].sort()).toEqual(Object.keys(form).sort());
});

describe.each(PACK_LANGUAGES)('the %s pack', (lang) => {
  const pack = packs[`./packs/${lang}.ts`];

  test.each([
    ['card', card],
    ['form', form],
  ] as const)(
    'has exactly the English %s keys, each with the same placeholders',
    (part, english) => {
      const texts: Record<string, unknown> = pack?.[part] ?? {};
      expect(Object.keys(texts).sort()).toEqual(Object.keys(english).sort());
      for (const [key, text] of Object.entries(english)) {
        const translated = texts[key];
        expect(typeof translated, key).toBe('string');
        expect(placeholders(String(translated)), key).toEqual(placeholders(text));
        expect(String(translated).trim(), key).not.toBe('');
      }
    },
  );
});
