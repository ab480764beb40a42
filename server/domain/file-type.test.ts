import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sniffFileKind, zipEntryNames } from './file-type';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(join(import.meta.dirname, '../../tests/fixtures/attachments', name)));

describe('sniffFileKind', () => {
  it.each([
    ['spec.pdf', 'application/pdf', 'pdf'],
    ['drawing.png', 'image/png', 'png'],
    [
      'quote.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'docx',
    ],
    ['prices.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
    ['legacy.doc', 'application/msword', 'doc'],
  ])('knows %s by its bytes', (name, contentType, extension) => {
    expect(sniffFileKind(fixture(name))).toEqual({ contentType, extension });
  });

  it('knows JPEG, GIF and WebP by their signatures', () => {
    const bytes = (...parts: (string | number[])[]) =>
      new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p)] : p)));
    expect(sniffFileKind(bytes([0xff, 0xd8, 0xff, 0xe0]))?.extension).toBe('jpg');
    expect(sniffFileKind(bytes('GIF89a', [1, 0]))?.extension).toBe('gif');
    expect(sniffFileKind(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))?.extension).toBe('webp');
  });

  it.each([
    ['an HTML page', 'page.html'],
    ['a zip that is no Office document', 'archive.zip'],
  ])('refuses %s', (_, name) => {
    expect(sniffFileKind(fixture(name))).toBeNull();
  });

  it('refuses nothing at all and random bytes, and never throws on a broken zip', () => {
    expect(sniffFileKind(new Uint8Array())).toBeNull();
    expect(sniffFileKind(new Uint8Array([0x4d, 0x5a, 0x90, 0]))).toBeNull(); // an .exe
    const docx = fixture('quote.docx');
    expect(sniffFileKind(docx.subarray(0, docx.length - 30))).toBeNull();
  });
});

it('reads the names of a zip', () => {
  expect(zipEntryNames(fixture('quote.docx'))).toEqual([
    '[Content_Types].xml',
    '_rels/.rels',
    'word/document.xml',
  ]);
});
