/**
 * What a file is, read from its bytes (never from its name or the Content-Type the browser
 * claimed): the attachment types an inquiry accepts, images, PDF, Word and Excel. Null for
 * anything else, so a renamed executable or an HTML page is refused.
 */
export interface FileKind {
  contentType: string;
  /** The extension a download is named with. */
  extension: string;
}

const kind = (contentType: string, extension: string): FileKind => ({ contentType, extension });

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  signature.every((byte, i) => bytes[at + i] === byte);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The kind of `bytes`, or null when it is none the inquiry takes. */
export function sniffFileKind(bytes: Uint8Array): FileKind | null {
  if (startsWith(bytes, ascii('%PDF-'))) return kind('application/pdf', 'pdf');
  if (startsWith(bytes, [0x89, ...ascii('PNG\r\n'), 0x1a, 0x0a])) return kind('image/png', 'png');
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return kind('image/jpeg', 'jpg');
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) {
    return kind('image/gif', 'gif');
  }
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) {
    return kind('image/webp', 'webp');
  }
  // Word 97-2003 and Excel 97-2003 share the OLE2 container; which one is inside needs its
  // directory. Both are offered as the generic type, named by what the stream holds.
  if (startsWith(bytes, OLE2)) return oleKind(bytes);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeKind(bytes);
  return null;
}

/**
 * docx or xlsx: a zip whose central directory holds `[Content_Types].xml` and the main part of
 * exactly one of them, `word/document.xml` or `xl/workbook.xml`. A zip that also holds what no
 * such document does is refused: a program or script (by its name), or a macro project
 * (`vbaProject.bin`, which makes it a .docm or .xlsm, not taken).
 */
function officeKind(bytes: Uint8Array): FileKind | null {
  const names = zipEntryNames(bytes);
  if (!names.includes('[Content_Types].xml') || names.some(isForeignPart)) return null;
  const word = names.includes('word/document.xml');
  const excel = names.includes('xl/workbook.xml');
  if (word && !excel) {
    return kind('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx');
  }
  if (excel && !word) {
    return kind('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx');
  }
  return null;
}

/** Names Windows runs, or runs something from, when opened. */
const RUNNABLE = /\.(exe|dll|com|scr|bat|cmd|ps1|vbs|js|jar|msi|hta|lnk)$/i;

/** A zip entry no docx or xlsx holds: a program or script, or a macro project. */
function isForeignPart(name: string): boolean {
  // What a name ends in for whoever unpacks it: up to a NUL (where C code stops reading), and
  // without the trailing dots and spaces that Windows drops ("run.exe." is run.exe).
  const file = (name.split('\0')[0] ?? '').replace(/[. ]+$/, '');
  return RUNNABLE.test(file) || /(^|\/)vbaProject\.bin$/i.test(file);
}

/** The names in a zip's central directory (empty when it cannot be read whole). */
export function zipEntryNames(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: 22 bytes plus a comment of up to 65535.
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let at = bytes.length - 22; at >= earliest; at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return [];
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return [];
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > bytes.length) return [];
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/**
 * doc or xls: an OLE2 file whose root storage holds a stream named "WordDocument" (doc) or
 * "Workbook" (xls; "Book" in Excel 5/95), and not both.
 */
function oleKind(bytes: Uint8Array): FileKind | null {
  const names = oleRootStreams(bytes) ?? [];
  const word = names.includes('WordDocument');
  const excel = names.includes('Workbook') || names.includes('Book');
  if (word && !excel) return kind('application/msword', 'doc');
  if (excel && !word) return kind('application/vnd.ms-excel', 'xls');
  return null;
}

const END_OF_CHAIN = 0xfffffffe;
const NO_STREAM = 0xffffffff;

/**
 * The names of the streams in the root storage of an OLE2 (Compound File Binary) file, read
 * from its header and directory; null when its structure is broken: a chain that loops or leaves
 * the file, a directory entry that is not there.
 */
export function oleRootStreams(bytes: Uint8Array): string[] | null {
  if (!startsWith(bytes, OLE2) || bytes.length < 512) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  // Version 3 has 512-byte sectors, version 4 4096-byte ones; the header is sector -1.
  const shift = u16(0x1e);
  const version = u16(0x1a);
  if (
    u16(0x1c) !== 0xfffe ||
    !((version === 3 && shift === 9) || (version === 4 && shift === 12))
  ) {
    return null;
  }
  const size = 1 << shift;
  const offset = (sector: number) => (sector + 1) * size;
  // The FAT links each sector to the next of its chain. Only the FAT sectors the header lists
  // (the first 109) are read: they cover files of about 7 MB in 512-byte sectors (an attachment
  // has at most 5 MB) and 457 MB in 4096-byte ones; a chain past them counts as broken.
  const perFatSector = size / 4;
  const fatSectors = Math.min(u32(0x2c), 109);
  const next = (sector: number): number | null => {
    const index = Math.floor(sector / perFatSector);
    if (index >= fatSectors) return null;
    const at = offset(u32(0x4c + index * 4)) + (sector % perFatSector) * 4;
    return at + 4 <= bytes.length ? u32(at) : null;
  };

  // The directory: a chain of sectors of 128-byte entries. No sector twice (a loop), none outside.
  const entries: number[] = [];
  const seen = new Set<number>();
  for (let sector: number | null = u32(0x30); sector !== END_OF_CHAIN; sector = next(sector)) {
    if (sector === null || seen.has(sector) || offset(sector) + size > bytes.length) return null;
    seen.add(sector);
    for (let at = offset(sector); at < offset(sector) + size; at += 128) entries.push(at);
  }

  // Entry 0 is the root storage; its children form a tree through left and right siblings.
  const root = entries[0];
  if (root === undefined || bytes[root + 0x42] !== 5) return null;
  const names: string[] = [];
  const decoder = new TextDecoder('utf-16le');
  const visited = new Set<number>();
  const pending = [u32(root + 0x4c)];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    if (id === NO_STREAM) continue;
    const at = entries[id];
    if (at === undefined || visited.has(id)) return null;
    visited.add(id);
    pending.push(u32(at + 0x44), u32(at + 0x48));
    // The name's length is in bytes, its terminating NUL included.
    const length = u16(at + 0x40);
    if (length < 2 || length > 64 || length % 2 !== 0) return null;
    if (bytes[at + 0x42] === 2) names.push(decoder.decode(bytes.subarray(at, at + length - 2)));
  }
  return names;
}
