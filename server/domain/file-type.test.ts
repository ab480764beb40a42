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
    // The OLE2 signature, then zeros (no byte order, no sector size, no directory) and the
    // name "WordDocument" at 512: the text of a directory entry, but no directory.
    ['an OLE2 signature with no header or directory behind it', 'legacy.doc'],
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

// Zips built here: stored entries, a central directory and its end record, as a zip tool writes.
function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function zip(names: string[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const nameBytes = Buffer.from(name);
    const data = Buffer.from(name.endsWith('.xml') ? '<?xml version="1.0"?><x/>' : 'MZ');
    const header = (central: boolean) => {
      const h = Buffer.alloc(central ? 46 : 30);
      const at = central ? 2 : 0; // the central record adds "version made by"
      h.writeUInt32LE(central ? 0x02014b50 : 0x04034b50, 0);
      h.writeUInt16LE(20, 4 + at);
      h.writeUInt32LE(crc32(data), 14 + at);
      h.writeUInt32LE(data.length, 18 + at);
      h.writeUInt32LE(data.length, 22 + at);
      h.writeUInt16LE(nameBytes.length, 26 + at);
      if (central) h.writeUInt32LE(offset, 42);
      return h;
    };
    centrals.push(header(true), nameBytes);
    locals.push(header(false), nameBytes, data);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

describe('Office Open XML files (docx, xlsx)', () => {
  const docx = [
    '[Content_Types].xml',
    '_rels/.rels',
    'docProps/core.xml',
    'word/document.xml',
    'word/_rels/document.xml.rels',
    'word/styles.xml',
    'word/media/image1.png',
  ];
  const xlsx = [
    '[Content_Types].xml',
    '_rels/.rels',
    'xl/workbook.xml',
    'xl/_rels/workbook.xml.rels',
    'xl/worksheets/sheet1.xml',
  ];

  it('knows a docx and an xlsx by their main parts', () => {
    expect(sniffFileKind(zip(docx))?.extension).toBe('docx');
    expect(sniffFileKind(zip(xlsx))?.extension).toBe('xlsx');
    // A name with ".com" or ".js" inside it, not at its end, is no program.
    expect(sniffFileKind(zip([...docx, 'word/media/www.example.com.png']))?.extension).toBe('docx');
    expect(sniffFileKind(zip([...xlsx, 'xl/media/chart.js.png']))?.extension).toBe('xlsx');
  });

  it.each([
    ['Word parts but no word/document.xml', docx.filter((n) => n !== 'word/document.xml')],
    ['Excel parts but no xl/workbook.xml', xlsx.filter((n) => n !== 'xl/workbook.xml')],
    ['no [Content_Types].xml', docx.slice(1)],
    ['the main parts of both', [...docx, 'xl/workbook.xml']],
    ['a Word macro project (a .docm)', [...docx, 'word/vbaProject.bin']],
    ['an Excel macro project (an .xlsm)', [...xlsx, 'xl/vbaProject.bin']],
    ['a program beside the document', [...docx, 'setup.exe']],
    ['a program among its parts', [...xlsx, 'xl/media/invoice.pdf.EXE']],
    ['a program with a trailing dot', [...docx, 'word/run.exe.']],
    ['a program whose name a NUL ends', [...docx, 'word/run.exe\0.xml']],
  ])('refuses a zip with %s', (_, names) => {
    expect(sniffFileKind(zip(names))).toBeNull();
  });

  it.each([
    'exe',
    'dll',
    'com',
    'scr',
    'bat',
    'cmd',
    'ps1',
    'vbs',
    'js',
    'jar',
    'msi',
    'hta',
    'lnk',
  ])('refuses a docx that holds a .%s, in any case', (extension) => {
    expect(sniffFileKind(zip([...docx, `word/x.${extension}`]))).toBeNull();
    expect(sniffFileKind(zip([...xlsx, `X.${extension.toUpperCase()}`]))).toBeNull();
  });

  it('reads no names from a central directory that holds fewer entries than it says', () => {
    const file = zip([...docx, 'setup.exe']);
    // The end record counts one entry more, as if setup.exe were not the last.
    new DataView(file.buffer).setUint16(file.length - 12, docx.length + 2, true);
    expect(zipEntryNames(file)).toEqual([]);
    expect(sniffFileKind(file)).toBeNull();
  });
});
