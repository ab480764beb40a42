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

/** docx or xlsx: a zip whose central directory names word/ or xl/ parts. */
function officeKind(bytes: Uint8Array): FileKind | null {
  const names = zipEntryNames(bytes);
  if (!names.includes('[Content_Types].xml')) return null;
  if (names.some((name) => name.startsWith('word/'))) {
    return kind('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx');
  }
  if (names.some((name) => name.startsWith('xl/'))) {
    return kind('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx');
  }
  return null;
}

/** The names in a zip's central directory (empty when it cannot be read). */
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
  for (let i = 0; i < count && at + 46 <= bytes.length; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) return [];
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** doc or xls: the OLE2 directory holds a "WordDocument" or a "Workbook"/"Book" stream. */
function oleKind(bytes: Uint8Array): FileKind | null {
  // Directory entry names are UTF-16LE; looking for them in the whole file is crude but
  // enough to tell the two apart, and anything else in an OLE2 box is refused.
  const text = new TextDecoder('utf-16le').decode(
    bytes.subarray(0, Math.min(bytes.length, 1 << 20)),
  );
  if (text.includes('WordDocument')) return kind('application/msword', 'doc');
  if (text.includes('Workbook') || text.includes('Book')) {
    return kind('application/vnd.ms-excel', 'xls');
  }
  return null;
}
