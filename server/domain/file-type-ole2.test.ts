import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { oleRootStreams, sniffFileKind } from './file-type';

// Word 97-2003 and Excel 97-2003 files (file-type.ts oleKind): known by the names of the
// streams in their directory, read with bounds and loop checks.

// OLE2 (Compound File Binary) files built here: the header, one FAT sector (sector 0), the
// directory (from sector 1 on) and each stream's sectors after it. Streams are given 4096 bytes
// or more, so that they live in ordinary sectors and the file needs no mini stream.
const END_OF_CHAIN = 0xfffffffe;
const NO_STREAM = 0xffffffff;

interface Entry {
  name: string;
  /** 1 a storage, 2 a stream. */
  type?: 1 | 2;
  content?: Uint8Array;
}

function compoundFile(entries: Entry[], { version = 3 }: { version?: 3 | 4 } = {}): Uint8Array {
  const size = version === 3 ? 512 : 4096;
  // Siblings are a binary tree ordered by name length, then name; a chain to the right is one.
  const sorted = [...entries].sort(
    (a, b) =>
      a.name.length - b.name.length || a.name.toUpperCase().localeCompare(b.name.toUpperCase()),
  );
  const dirSectors = Math.ceil(((sorted.length + 1) * 128) / size);
  const fat: number[] = [0xfffffffd]; // sector 0 is the FAT itself
  const chain = (count: number) => {
    const first = fat.length;
    for (let i = 1; i < count; i++) fat.push(first + i);
    fat.push(END_OF_CHAIN);
    return first;
  };
  const dirStart = chain(dirSectors);
  const starts = sorted.map((e) =>
    e.content ? chain(Math.ceil(e.content.length / size)) : END_OF_CHAIN,
  );
  const file = new Uint8Array(size * (1 + fat.length));
  const view = new DataView(file.buffer);
  // Header.
  file.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  view.setUint16(0x18, 0x3e, true);
  view.setUint16(0x1a, version, true);
  view.setUint16(0x1c, 0xfffe, true);
  view.setUint16(0x1e, version === 3 ? 9 : 12, true);
  view.setUint16(0x20, 6, true);
  view.setUint32(0x28, version === 3 ? 0 : dirSectors, true);
  view.setUint32(0x2c, 1, true);
  view.setUint32(0x30, dirStart, true);
  view.setUint32(0x38, 4096, true);
  view.setUint32(0x3c, END_OF_CHAIN, true);
  view.setUint32(0x44, END_OF_CHAIN, true);
  for (let i = 0; i < 109; i++) view.setUint32(0x4c + i * 4, i === 0 ? 0 : NO_STREAM, true);
  // FAT: the rest of its sector is free.
  for (let i = 0; i < size / 4; i++) view.setUint32(size + i * 4, fat[i] ?? NO_STREAM, true);
  // Directory: the root entry, whose child is entry 1, each entry's right sibling the next.
  const directory = size * (1 + dirStart);
  const entry = (i: number, name: string, type: number, start: number, length: number) => {
    const at = directory + i * 128;
    file.set(Buffer.from(`${name}\0`, 'utf16le'), at);
    view.setUint16(at + 0x40, (name.length + 1) * 2, true);
    file[at + 0x42] = type;
    file[at + 0x43] = 1; // black
    view.setUint32(at + 0x44, NO_STREAM, true);
    view.setUint32(at + 0x48, i > 0 && i < sorted.length ? i + 1 : NO_STREAM, true);
    view.setUint32(at + 0x4c, i === 0 && sorted.length > 0 ? 1 : NO_STREAM, true);
    view.setUint32(at + 0x74, start, true);
    view.setUint32(at + 0x78, length, true);
  };
  entry(0, 'Root Entry', 5, END_OF_CHAIN, 0);
  sorted.forEach((e, i) => entry(i + 1, e.name, e.type ?? 2, starts[i]!, e.content?.length ?? 0));
  for (let i = sorted.length + 1; i < (dirSectors * size) / 128; i++) {
    for (const field of [0x44, 0x48, 0x4c])
      view.setUint32(directory + i * 128 + field, NO_STREAM, true);
  }
  sorted.forEach((e, i) => e.content && file.set(e.content, size * (1 + starts[i]!)));
  return file;
}

/** 4096 bytes of a stream's content with `text` (UTF-16LE, as Office writes it) in them. */
const streamWith = (text = '') => {
  const content = new Uint8Array(4096);
  content.set(Buffer.from(text, 'utf16le'), 100);
  return content;
};

/** Sets the FAT's link from `sector` (the FAT is sector 0, 512-byte sectors). */
const link = (file: Uint8Array, sector: number, next: number) =>
  new DataView(file.buffer).setUint32(512 + sector * 4, next, true);

/** Sets a field of directory entry `id` (the directory is sector 1, 512-byte sectors). */
const setEntry = (file: Uint8Array, id: number, field: number, value: number) =>
  new DataView(file.buffer).setUint32(1024 + id * 128 + field, value, true);

describe('OLE2 files (doc, xls)', () => {
  const word = { name: 'WordDocument', content: streamWith() };
  const excel = { name: 'Workbook', content: streamWith() };
  const info = { name: '\u0005SummaryInformation', content: streamWith() };

  it.each([
    ['a Workbook stream', [excel, info], 3, 'xls'],
    ['a Workbook stream, in 4096-byte sectors', [excel, info], 4, 'xls'],
    ['a Book stream (Excel 5)', [{ name: 'Book' }], 3, 'xls'],
    ['a WordDocument stream beside 1Table', [word, { name: '1Table' }, info], 3, 'doc'],
    ['a WordDocument stream, in 4096-byte sectors', [word], 4, 'doc'],
  ] as const)('knows one with %s', (_, entries, version, extension) => {
    const file = compoundFile([...entries], { version });
    expect(sniffFileKind(file)?.extension).toBe(extension);
  });

  it('reads the names of the streams in the root storage', () => {
    // Five entries: the directory takes two sectors (1 and 2), linked in the FAT.
    const file = compoundFile([excel, info, { name: 'a' }, { name: 'b' }]);
    expect(oleRootStreams(file)?.sort()).toEqual(
      ['Workbook', 'a', 'b', '\u0005SummaryInformation'].sort(),
    );
  });

  it.each([
    [
      '"Book" only in the content of a stream of another name',
      [{ name: 'Contents', content: streamWith('Book') }],
    ],
    ['"WordDocument" only in a stream', [{ name: 'Package', content: streamWith('WordDocument') }]],
    ['a stream whose name only contains Workbook', [{ name: 'Workbook2' }, { name: 'MyBook' }]],
    ['a storage named WordDocument', [{ name: 'WordDocument', type: 1 }]],
    ['both a WordDocument and a Workbook stream', [word, excel]],
  ] as const)('refuses one with %s', (_, entries) => {
    expect(sniffFileKind(compoundFile([...entries]))).toBeNull();
  });

  it('counts only the streams of the root storage, not those of an embedded document', () => {
    // Entries by name order: 1 Workbook, 2 ObjectPool, 3 WordDocument, each the right sibling
    // of the one before. WordDocument is made ObjectPool's child, as Excel keeps an embedded
    // Word file.
    const file = compoundFile([{ name: 'ObjectPool', type: 1 }, word, excel]);
    expect(sniffFileKind(file)).toBeNull(); // both, side by side in the root
    setEntry(file, 2, 0x48, NO_STREAM); // ObjectPool's right sibling: none
    setEntry(file, 2, 0x4c, 3); // ObjectPool's child: WordDocument
    expect(oleRootStreams(file)).toEqual(['Workbook']);
    expect(sniffFileKind(file)?.extension).toBe('xls');
  });

  it('refuses one whose directory chain loops, and does not hang on it', () => {
    const file = compoundFile([excel, info, { name: 'a' }, { name: 'b' }]);
    expect(sniffFileKind(file)?.extension).toBe('xls');
    link(file, 2, 1); // directory sectors 1 -> 2 -> 1 -> ...
    expect(sniffFileKind(file)).toBeNull();
    link(file, 1, 1); // sector 1 -> itself
    expect(sniffFileKind(file)).toBeNull();
  });

  it('refuses one whose directory or FAT lies outside the file', () => {
    const outside = (at: number, value: number) => {
      const file = compoundFile([excel]);
      new DataView(file.buffer).setUint32(at, value, true);
      return sniffFileKind(file);
    };
    expect(outside(0x30, 1000)).toBeNull(); // the directory's first sector
    expect(outside(0x30, END_OF_CHAIN)).toBeNull(); // no directory at all
    expect(outside(0x4c, 1000)).toBeNull(); // the FAT's sector
    expect(outside(512 + 4, 1000)).toBeNull(); // the directory's next sector
    expect(outside(512 + 4, 0xfffffffd)).toBeNull(); // a link that is no sector
    expect(outside(0x2c, 0)).toBeNull(); // no FAT to follow the directory with
    expect(outside(0x200 + 512 + 0x4c, 7)).toBeNull(); // the root's child is no entry
    expect(outside(0x1e, 12)).toBeNull(); // 4096-byte sectors in a version 3 header
  });

  it('never throws, whatever is cut from or written over one', () => {
    const file = compoundFile([word, info, { name: 'a' }, { name: 'b' }]);
    for (let length = 0; length <= file.length; length += 4) {
      expect(() => sniffFileKind(file.subarray(0, length))).not.toThrow();
    }
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(file.length / 4 - 1), fc.integer({ min: 0, max: 0xffffffff })), {
          maxLength: 8,
        }),
        (writes) => {
          const copy = file.slice();
          for (const [i, value] of writes) new DataView(copy.buffer).setUint32(i * 4, value, true);
          const result = sniffFileKind(copy);
          expect(result === null || result.extension === 'doc').toBe(true);
        },
      ),
    );
  });
});
