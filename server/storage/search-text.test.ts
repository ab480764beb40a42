import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inquiryLines, searchLineOf, searchWordsOf, tsvectorOf } from './search-text';

describe('searchWordsOf (the one tokenizer of both text indexes)', () => {
  it('splits at anything but letters, digits and marks, lower-case', () => {
    expect(searchWordsOf("Anna O'Brien <anna@rhein-pumpen.example>")).toEqual([
      'anna',
      'o',
      'brien',
      'anna',
      'rhein',
      'pumpen',
      'example',
    ]);
    expect(searchWordsOf('AB-1234/XL, 5,000pcs; 2e10x')).toEqual([
      'ab',
      '1234',
      'xl',
      '5',
      '000pcs',
      '2e10x',
    ]);
    expect(searchWordsOf(' \0 & — 👍 ')).toEqual([]);
  });

  it('makes each Han, Hiragana and Katakana character a word', () => {
    expect(searchWordsOf('需要DN50阀门，谢谢')).toEqual([
      '需',
      '要',
      'dn50',
      '阀',
      '门',
      '谢',
      '谢',
    ]);
    expect(searchWordsOf('バルブをください')).toEqual([
      'バ',
      'ル',
      'ブ',
      'を',
      'く',
      'だ',
      'さ',
      'い',
    ]);
    // Korean is written with spaces, and its syllables survive decomposing.
    expect(searchWordsOf('밸브 견적')).toEqual(['밸브', '견적']);
  });

  it('makes each Thai, Lao, Khmer and Myanmar letter a word, with the marks that follow it', () => {
    // ขาย ปั๊ม น้ำ: sell, pump, water; a tone mark and a vowel mark stay with their letter.
    expect(searchWordsOf('ขายปั๊มน้ำ DN50')).toEqual(['ข', 'า', 'ย', 'ปั๊', 'ม', 'น้ํ', 'า', 'dn50']);
    expect(searchWordsOf('ປໍ້ານ້ຳ')).toEqual(['ປໍ້', 'າ', 'ນ້ໍ', 'າ']);
    // A Khmer subscript consonant's sign stays with the letter before it.
    expect(searchWordsOf('ម៉ាស៊ីនបូម')).toEqual(['ម៉ា', 'ស៊ី', 'ន', 'បូ', 'ម']);
    expect(searchWordsOf('ရေစုပ်စက်')).toEqual(['ရေ', 'စု', 'ပ်', 'စ', 'က်']);
  });

  it('folds accents, Arabic vowel marks and tatweel, Greek tonos; keeps other scripts whole', () => {
    expect(searchWordsOf('Café MÜLLER İstanbul ﬁne ＦＵＬＬ')).toEqual([
      'cafe',
      'muller',
      'istanbul',
      'fine',
      'full',
    ]);
    expect(searchWordsOf('مَرْحَبًا أحمد مـــرحبا')).toEqual(['مرحبا', 'احمد', 'مرحبا']);
    expect(searchWordsOf('Αθήνα')).toEqual(['αθηνα']);
    expect(searchWordsOf('Straße ẞ Æble Œuvre Søren Łódź Đorđe Kırmızı')).toEqual([
      'strasse',
      'ss',
      'aeble',
      'oeuvre',
      'soren',
      'lodz',
      'dorde',
      'kirmizi',
    ]);
    // Final sigma is sigma, so that ΣΙΣ begins ΣΙΣΥΦΟΣ as σισ begins σισυφοσ.
    expect(searchWordsOf('ΣΙΣΥΦΟΣ ΣΙΣ')).toEqual(['σισυφοσ', 'σισ']);
    expect(searchWordsOf('हिन्दी Москва')).toEqual(['हिन्दी', 'москва']);
  });

  it('cuts a word at 64 characters', () => {
    expect(searchWordsOf('x'.repeat(100))).toEqual(['x'.repeat(64)]);
    expect(searchWordsOf('é'.repeat(100))).toEqual(['e'.repeat(64)]);
  });

  it('gives the same words for its own line (what FTS5 reads back, and a query of it)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        const words = searchWordsOf(text);
        expect(searchWordsOf(searchLineOf(text))).toEqual(words);
        // No word holds what FTS5's ascii tokenizer would split at.
        for (const word of words) expect(word).not.toMatch(/[\0-/:-@[-`{-\x7f]/);
      }),
    );
  });
});

describe('inquiryLines', () => {
  it('indexes who (with country and phone), the company, and each product by name, SKU and category', () => {
    expect(
      inquiryLines({
        visitor: {
          name: null,
          email: 'li@hengda.example',
          company: 'Hengda Co.',
          country: 'Viet Nam',
          phone: '+84 (90) 123-45',
        },
        products: [
          {
            name: 'Gate Valve',
            sku: 'GV-2',
            category: 'valves',
            url: 'https://hengda.example/gv',
            quantity: 500,
            unit: 'pieces',
          },
        ],
      }),
    ).toEqual({
      visitor: 'li hengda example viet nam 84 90 123 45 849012345',
      company: 'hengda co',
      products: 'gate valve gv 2 valves',
    });
  });
});

describe('tsvectorOf (PostgreSQL documents of exactly these words)', () => {
  it('lists each word once, with its positions', () => {
    expect(tsvectorOf([['a', 'gate', 'valve', 'a', 'valve']]).literal).toBe(
      "'a':1,4 'gate':2 'valve':3,5",
    );
    expect(tsvectorOf([])).toEqual({ literal: '', bytes: 0 });
  });

  it('leaves a position out between fields, so that no phrase spans two', () => {
    expect(tsvectorOf([['jane', 'acme', 'com'], [], ['acme'], ['valve']]).literal).toBe(
      "'jane':1 'acme':2,5 'com':3 'valve':7",
    );
  });

  it('quotes what tsvector input would read as syntax', () => {
    expect(tsvectorOf([["o'b\\c"]]).literal).toBe("'o''b\\\\c':1");
  });

  it('keeps at most 256 positions a word, none past 16383', () => {
    const many = tsvectorOf([Array.from({ length: 20_000 }, () => 'w')]).literal;
    const positions = many.slice("'w':".length).split(',');
    expect(positions).toHaveLength(256);
    expect(tsvectorOf([Array.from({ length: 17_000 }, (_, i) => `w${i}`)]).literal).toContain(
      "'w16999':16383",
    );
  });
});

describe('a phone number', () => {
  it('is also one word of its digits when written in groups, not when written whole', () => {
    const visitor = (phone: string) =>
      inquiryLines({
        visitor: { name: null, email: 'a@b.example', company: null, country: null, phone },
        products: [],
      }).visitor;
    expect(visitor('+86 138 1234 5678')).toBe('a b example 86 138 1234 5678 8613812345678');
    expect(visitor('+8613812345678')).toBe('a b example 8613812345678');
    expect(visitor('+86 １３８ 1234')).toBe('a b example 86 138 1234 861381234');
  });
});
