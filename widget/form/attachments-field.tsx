import { ATTACHMENT_ACCEPT, ATTACHMENTS_MAX } from '../../contract/limits';
import { fill } from '../i18n/locale';
import { ATTACHMENT_MB } from './attachments';
import { Field } from './field';
import type { FormTexts } from './i18n/en';
import { CloseIcon } from './icons';

/** The inquiry's files: the chosen ones listed, each removable, and the picker for more. */
export function AttachmentsField({
  files,
  texts: t,
  error,
  onAdd,
  onRemove,
}: {
  files: readonly File[];
  texts: FormTexts;
  error?: string | undefined;
  onAdd: (files: File[]) => void;
  onRemove: (index: number) => void;
}) {
  return (
    <Field
      id="f-attachments"
      label={t.attachments}
      error={error}
      live
      hint={fill(t.attachmentsHint, { max: ATTACHMENTS_MAX, size: ATTACHMENT_MB })}
    >
      {(aria) => (
        <>
          {files.length > 0 && (
            <ul class="files">
              {files.map((file, index) => (
                <li key={`${file.name}\n${index}`} class="file">
                  <span class="file-name" id={`f-file${index}`}>
                    {file.name}
                  </span>
                  <span class="file-size">{(file.size / 1024 / 1024).toFixed(1)} MB</span>
                  <button
                    type="button"
                    class="icon-btn"
                    aria-label={t.removeFile}
                    aria-describedby={`f-file${index}`}
                    onClick={() => onRemove(index)}
                  >
                    <CloseIcon size={18} />
                  </button>
                </li>
              ))}
            </ul>
          )}
          <input
            {...aria}
            type="file"
            multiple
            accept={ATTACHMENT_ACCEPT}
            disabled={files.length >= ATTACHMENTS_MAX}
            onChange={(event) => {
              const input = event.currentTarget;
              const focused = input.matches(':focus');
              onAdd([...(input.files ?? [])]);
              // Emptied, so the same file can be chosen again after it was removed.
              input.value = '';
              // Disabled by the last file it may take, it would drop the focus to the page: the
              // last file's Remove button takes it (after the re-render).
              queueMicrotask(() => {
                if (focused && input.disabled) {
                  input.parentElement
                    ?.querySelector<HTMLElement>('.file:last-child button')
                    ?.focus();
                }
              });
            }}
          />
        </>
      )}
    </Field>
  );
}
