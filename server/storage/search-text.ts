import type { Inquiry } from './records';

// The one tokenizer of the text index (migration 0013): what an inquiry's document holds and
// what a search asks for are both the words of `searchWordsOf`, on either engine. SQLite's FTS5
// table reads them with its `ascii` tokenizer (every non-ASCII character is part of a word,
// every ASCII one but letters and digits splits), PostgreSQL's tsvector is built from them as
// they are, positions and all (no parser): so the engines find the same inquiries, and neither
// engine's parser has a say (PostgreSQL read "2e10x" as a number and a word, an email or a URL
// as one token, and kept accents; FTS5 split Arabic at its vowel marks and kept a run of
// Chinese characters as one word).

// Marks dropped after letters of these scripts, once decomposed: accents (é is e), Greek tonos,
// Arabic vowel marks and hamza (أ is ا), Hebrew points. Elsewhere a mark is part of its letter
// (Devanagari vowel signs, Thai tone marks).
// (Matched with their letter and replaced by it: a lookbehind over the marks took a second on a
// message of 8,000 of them.)
const FOLDED_MARKS =
  /([\p{Script=Latin}\p{Script=Greek}\p{Script=Arabic}\p{Script=Hebrew}])\p{M}+/gu;
// Latin letters that do not decompose, as people type them without the stroke or ligature:
// Straße is strasse, Łódź is lodz, Søren is soren, Kırmızı is kirmizi.
const UNDECOMPOSED: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  ħ: 'h',
  ı: 'i',
};
const UNDECOMPOSED_LETTERS = /[ßæœøłđðħı]/g;

// Arabic tatweel (a stretched joining line, ـ), dropped before the marks, which may follow it.
const TATWEEL = /\u0640/g;

// A word: letters, digits and their marks. Han, Hiragana and Katakana, Thai, Lao, Khmer and
// Myanmar are written without spaces between words, so each of their characters (with the marks
// that follow it: a Thai vowel or tone mark, a Khmer subscript sign) is a word of its own, and a
// search for 阀门 asks for 阀 followed by 门 (a phrase), wherever in a sentence it stands; ปั๊ม
// (pump) asks for ปั๊ followed by ม. (A dictionary, as `Intl.Segmenter` has, may split the same
// letters one way in a sentence and another in a query of a word or two.)
const UNSPACED = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}`;
const WORD = new RegExp(
  String.raw`[${UNSPACED}]\p{M}*|(?:(?![${UNSPACED}])[\p{L}\p{N}\p{M}])+`,
  'gu',
);

/**
 * The letters of the scripts above that were parts of longer words before migration 0017 (which
 * indexes again the inquiries holding any): Thai, Lao, Myanmar and Khmer, by Unicode block. (The
 * scripts' letters are those of the running Node's Unicode: Myanmar Extended-C came with Unicode
 * 16. A release of Node adding letters to these scripts would need such a migration again.)
 */
export const RESPLIT_BLOCKS = [
  [0x0e00, 0x0eff],
  [0x1000, 0x109f],
  [0x1780, 0x17ff],
  [0x19e0, 0x19ff],
  [0xa9e0, 0xa9ff],
  [0xaa60, 0xaa7f],
  [0x116d0, 0x116ff],
] as const;

/**
 * A word is cut to this many characters, in the index and in a query alike (PostgreSQL refuses
 * a lexeme over 2 KB; nobody searches by the 65th character of a word).
 */
const WORD_MAX = 64;

/** The words of a text, lower-case and folded, in order. */
export function searchWordsOf(text: string): string[] {
  // Decomposed first: compatibility forms (𝓐, ㎀, ＦＵＬＬ) may decompose to capitals.
  const folded = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(TATWEEL, '')
    .replace(FOLDED_MARKS, '$1')
    // Greek final sigma is sigma: a query's last letter is not always a word's last.
    .replaceAll('ς', 'σ')
    .replace(UNDECOMPOSED_LETTERS, (letter) => UNDECOMPOSED[letter] ?? letter)
    .normalize('NFKC');
  return Array.from(folded.matchAll(WORD), ([word]) =>
    word.length > WORD_MAX ? Array.from(word).slice(0, WORD_MAX).join('') : word,
  );
}

/** The words of a text as one line, a space between each (what FTS5 is given). */
export const searchLineOf = (text: string): string => searchWordsOf(text).join(' ');

/** What of an inquiry is indexed besides its messages. */
export type InquiryText = Pick<Inquiry, 'visitor' | 'products'>;

/**
 * An inquiry's indexed fields, as lines of words: who (name, email, country as typed, phone or
 * WhatsApp number), the company, and each product's name, SKU and category (not its links,
 * quantity or unit, nor the JSON's keys).
 */
export function inquiryLines(inquiry: InquiryText): {
  visitor: string;
  company: string;
  products: string;
} {
  const { name, email, country, phone } = inquiry.visitor;
  return {
    visitor: searchLineOf(
      [name, email, country, phone, phoneDigits(phone)].filter((part) => part).join(' '),
    ),
    company: searchLineOf(inquiry.visitor.company ?? ''),
    products: searchLineOf(
      inquiry.products.map((p) => `${p.name} ${p.sku ?? ''} ${p.category ?? ''}`).join(' '),
    ),
  };
}

/**
 * A phone number's digits as one word too, when it is written in groups: "+86 138 1234 5678" is
 * found by 8613812345678 (as WhatsApp shows it) and by 138 1234 5678 (as it was typed).
 */
function phoneDigits(phone: string | null): string {
  // Full-width digits (１３８) as the words have them.
  const typed = phone?.normalize('NFKC') ?? '';
  return /\d\D+\d/.test(typed) ? typed.replace(/\D/g, '') : '';
}

// PostgreSQL keeps positions up to this one (later words take it) and this many per word. So a
// phrase (several words of one query part, as 阀门) can miss on PostgreSQL past the 16,383rd word
// of an inquiry, or past a word's 256th use, where FTS5 finds it: a thread of more than three
// messages of 8,000 Chinese characters.
const LAST_POSITION = 16_383;
const POSITIONS_MAX = 256;

/**
 * What a tsvector may hold (MAXSTRPOS), counted as PostgreSQL counts it (`tsvectorBytes`): past
 * it, building one or `||` fails.
 */
export const TSVECTOR_BYTES = (1 << 20) - 1;

/** A word's share of a tsvector: its bytes, padded to even, a count and its positions. */
export const tsvectorBytes = (word: string, positions: number): number => {
  const bytes = Buffer.byteLength(word);
  return bytes + (bytes % 2) + 2 + 2 * positions;
};

/**
 * Fields of words as a PostgreSQL tsvector literal, each word at its position ('valve':3,9
 * 'gate':2): the document is exactly these words, as FTS5 holds them. A position is left out
 * between fields, so that no phrase spans two, as none spans two FTS5 columns (`document ||
 * more` shifts the positions of `more` past those of `document`). Words past `TSVECTOR_BYTES`
 * are left out; `bytes` is the size of what is kept.
 */
export function tsvectorOf(fields: string[][]): { literal: string; bytes: number } {
  const positions = new Map<string, Set<number>>();
  let next = 1;
  let bytes = 0;
  for (const words of fields) {
    if (words.length === 0) continue;
    for (const word of words) {
      const at = positions.get(word);
      const position = Math.min(next, LAST_POSITION);
      next += 1;
      if (at) {
        if (at.size < POSITIONS_MAX && !at.has(position)) {
          at.add(position);
          bytes += 2;
        }
      } else if (bytes + tsvectorBytes(word, 1) <= TSVECTOR_BYTES) {
        positions.set(word, new Set([position]));
        bytes += tsvectorBytes(word, 1);
      }
    }
    next += 1;
  }
  const literal = Array.from(
    positions,
    ([word, at]) => `${tsLexeme(word)}:${[...at].join(',')}`,
  ).join(' ');
  return { literal, bytes };
}

/** A word as a quoted tsvector or tsquery lexeme, taken as it is. */
export const tsLexeme = (word: string): string =>
  `'${word.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
