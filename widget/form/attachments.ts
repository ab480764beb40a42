import { ATTACHMENT_BYTES_MAX, ATTACHMENTS_MAX } from '../../contract/limits';
import type { UploadResult } from '../api';
import { fill } from '../i18n/locale';
import type { FormTexts } from './i18n/en';

/** The limit in MB, as the texts say it. */
export const ATTACHMENT_MB = ATTACHMENT_BYTES_MAX / 1024 / 1024;

// What the picker offers (contract/limits.ts ATTACHMENT_ACCEPT); the server reads the bytes.
const OFFERED = /\.(png|jpe?g|gif|webp|pdf|docx?|xlsx?)$/i;

/**
 * The files kept after the visitor chose `chosen`, and what was wrong with the first one left
 * out: a type the inquiry does not take, a file over the size, or one too many.
 */
export function chooseFiles(
  kept: readonly File[],
  chosen: readonly File[],
  t: FormTexts,
): { files: File[]; error?: string } {
  const files = [...kept];
  let error: string | undefined;
  for (const file of chosen) {
    const name = file.name;
    if (!OFFERED.test(name)) error ??= fill(t['invalid.fileType'], { name });
    else if (file.size > ATTACHMENT_BYTES_MAX) {
      error ??= fill(t['invalid.fileSize'], { name, size: ATTACHMENT_MB });
    } else if (files.length >= ATTACHMENTS_MAX) {
      error ??= fill(t['invalid.fileCount'], { max: ATTACHMENTS_MAX });
    } else files.push(file);
  }
  return { files, error };
}

/** The upload of every file, or why one failed (and which). */
export type UploadsResult =
  | { ok: true; ids: string[] }
  | { ok: false; code: Extract<UploadResult, { ok: false }>['code']; file: File };

/**
 * Uploads files once each: a file uploaded for an attempt that failed later is not sent again
 * on the next (its id is kept for as long as the form holds the file).
 */
export function createUploads(upload: (file: File) => Promise<UploadResult>) {
  const ids = new WeakMap<File, string>();
  return async (files: readonly File[]): Promise<UploadsResult> => {
    for (const file of files) {
      if (ids.has(file)) continue;
      const result = await upload(file);
      if (!result.ok) return { ok: false, code: result.code, file };
      ids.set(file, result.attachment.id);
    }
    return { ok: true, ids: files.map((file) => ids.get(file) ?? '') };
  };
}
