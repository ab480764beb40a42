import type { AttachmentCreated } from '../../contract';
import { ATTACHMENT_BYTES_MAX, ATTACHMENTS_MAX } from '../../contract/limits';
import type { Site, Store } from '../storage/store';
import { DomainError } from './errors';
import { sniffFileKind } from './file-type';

export interface AttachmentDeps {
  store: Store;
  clock: () => Date;
  newId: () => string;
  /** UNCLAIMED_BYTES_MAX unless a test sets less. */
  unclaimedBytesMax?: number;
}

/** An upload no inquiry names within this long is deleted (retention's hourly run). */
export const UNCLAIMED_MS = 24 * 60 * 60 * 1000;

/**
 * The most bytes of files a site keeps waiting for their inquiries: abandoned uploads stay a
 * day, and uploads need no proof of work, so without it a flood of files would fill the disk
 * (and with it every lead's storage). Past it a file is refused; inquiries still go through.
 */
export const UNCLAIMED_BYTES_MAX = 500 * 1024 * 1024;

// Control characters, path separators and characters Windows refuses in a file name; and the
// marks that change the direction text is shown in ("photo\u202Egpj.pdf" shows as
// "photo" + "fdp.jpg" reversed), so that a name reads as what it is.
const UNSAFE = /[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069/\\:*?"<>|]+/g;

/**
 * A file name fit for a download: the visitor's (URI-decoded when it can be), without paths or
 * control characters, at most 200 characters, and ending in the extension its bytes call for.
 */
export function safeFilename(raw: string | undefined, extension: string): string {
  let name = raw ?? '';
  try {
    name = decodeURIComponent(name);
  } catch {
    // Not URI-encoded after all: taken as it is.
  }
  // Its last path segment only, no leading dots (a hidden file).
  name = (name.split(/[\\/]/).pop() ?? '').replace(/^\.+/, '');
  name = name.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim().slice(0, 200);
  // Not half a character (an emoji cut at 200): it would be stored as U+FFFD.
  name = name.replace(/[\ud800-\udbff]$/, '');
  const base = name.replace(/\.[^.]*$/, '') || 'attachment';
  return `${base}.${extension}`;
}

/**
 * Keeps one uploaded file of a visitor's coming inquiry, once its bytes show it is an image,
 * a PDF, or a Word or Excel document. It waits, unclaimed, for the inquiry that names its id.
 */
export async function receiveAttachment(
  { store, clock, newId, unclaimedBytesMax = UNCLAIMED_BYTES_MAX }: AttachmentDeps,
  site: Site,
  { bytes, filename }: { bytes: Uint8Array; filename: string | undefined },
): Promise<AttachmentCreated> {
  if (bytes.length > ATTACHMENT_BYTES_MAX) {
    throw new DomainError('PAYLOAD_TOO_LARGE', 'A file may be up to 5 MB.');
  }
  const kind = sniffFileKind(bytes);
  if (!kind) {
    throw new DomainError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Only images (PNG, JPEG, GIF, WebP), PDF, Word and Excel files are accepted.',
    );
  }
  if ((await store.unclaimedBytes(site.id)) + bytes.length > unclaimedBytesMax) {
    throw new DomainError(
      'TOO_MANY_ATTEMPTS',
      'Too many files are waiting to be sent on this site. Send the inquiry without the file, or try again later.',
      undefined,
      3600,
    );
  }
  const attachment = {
    id: newId(),
    siteId: site.id,
    filename: safeFilename(filename, kind.extension),
    contentType: kind.contentType,
    size: bytes.length,
    createdAt: clock().toISOString(),
  };
  await store.createAttachment({ ...attachment, data: bytes });
  const { id, filename: name, contentType, size } = attachment;
  return { id, filename: name, contentType, size };
}

/**
 * Checks, before an inquiry is stored, that every file it names was uploaded to this site and
 * is not another inquiry's: an unknown id is the visitor's to fix (upload it again).
 */
export async function checkAttachments(
  store: Store,
  siteId: string,
  ids: readonly string[] | undefined,
): Promise<string[]> {
  const unique = [...new Set(ids ?? [])];
  if (unique.length === 0) return [];
  const found = await store.unclaimedAttachmentIds(siteId, unique);
  if (found.length !== unique.length) {
    throw new DomainError('VALIDATION_FAILED', 'An attached file was not found.', {
      attachments: 'An attached file was not found or is already sent: please attach it again.',
    });
  }
  return unique;
}

/** A file attached to a mailed reply: its name as the mail gives it, and its bytes. */
export interface MailedFile {
  filename: string | null;
  content: Uint8Array;
}

/** A mailed file that is kept: named and typed as an uploaded one would be. */
export interface KeptFile {
  filename: string;
  contentType: string;
  data: Uint8Array;
}

/**
 * The most files one inquiry keeps, its own and those mailed with replies since: whoever holds
 * a reply address could otherwise fill the disk three files at a time.
 */
export const INQUIRY_FILES_MAX = 20;

/**
 * Sorts a mailed reply's files by the widget's rule: the first ATTACHMENTS_MAX of up to 5 MB
 * whose bytes show an image, a PDF, or a Word or Excel document are kept, while the inquiry has
 * `room` for them; the others are named (as the mail names them) to say in the thread that they
 * were not kept.
 */
export function sortMailedFiles(
  files: readonly MailedFile[],
  room = ATTACHMENTS_MAX,
): {
  kept: KeptFile[];
  notKept: string[];
} {
  const kept: KeptFile[] = [];
  const notKept: string[] = [];
  const most = Math.min(ATTACHMENTS_MAX, room);
  for (const { filename, content } of files) {
    const kind = content.length <= ATTACHMENT_BYTES_MAX ? sniffFileKind(content) : null;
    if (kind && kept.length < most) {
      kept.push({
        filename: safeFilename(filename ?? undefined, kind.extension),
        contentType: kind.contentType,
        data: content,
      });
    } else {
      notKept.push(filename || 'unnamed file');
    }
  }
  return { kept, notKept };
}
