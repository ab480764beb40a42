import type { SubmitResult } from '../api';
import { fill } from '../i18n/locale';
import { ATTACHMENT_MB, chooseFiles, type UploadsResult } from './attachments';
import type { FieldErrors } from './form-errors';
import type { FormTexts } from './i18n/en';
import { batch } from './signal';
import type { WidgetState } from './state';

/**
 * What the visitor does to the inquiry's files, and how a failed upload is told: a file the
 * server refused is the visitor's to replace (beside the field); anything else, Try again.
 */
export function createFileActions({
  state,
  texts,
  showErrors,
  settle,
}: {
  state: Pick<WidgetState, 'files' | 'errors'>;
  texts: FormTexts;
  showErrors: (errors: FieldErrors) => void;
  settle: (result: SubmitResult) => void;
}) {
  return {
    add(chosen: readonly File[]) {
      const { files, error } = chooseFiles(state.files.value, chosen, texts);
      const shown = state.errors.value.attachments;
      batch(() => {
        state.files.value = files;
        // The same refusal again changes by a space, so its live region says it again.
        const attachments = error && shown === error ? `${error}\u00a0` : error;
        state.errors.value = { ...state.errors.value, attachments };
      });
    },
    remove(index: number) {
      batch(() => {
        state.files.value = state.files.value.filter((_, i) => i !== index);
        state.errors.value = { ...state.errors.value, attachments: undefined };
      });
    },
    uploadFailed({ code, file }: Extract<UploadsResult, { ok: false }>) {
      const { name } = file;
      if (code === 'PAYLOAD_TOO_LARGE') {
        return showErrors({
          attachments: fill(texts['invalid.fileSize'], { name, size: ATTACHMENT_MB }),
        });
      }
      if (code === 'UNSUPPORTED_MEDIA_TYPE') {
        return showErrors({ attachments: fill(texts['invalid.fileType'], { name }) });
      }
      settle({ ok: false, code });
    },
  };
}
