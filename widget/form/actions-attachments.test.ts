import { describe, expect, test } from 'vitest';
import type { UploadResult } from '../api';
import { setup, created, settle } from './actions-fixtures';

describe('attachments', () => {
  const pdf = new File([new Uint8Array(8)], 'spec.pdf');

  test('are uploaded before the inquiry, which names them', async () => {
    const upload = async (): Promise<UploadResult> => ({
      ok: true,
      attachment: { id: 'att-1', filename: 'spec.pdf', contentType: 'application/pdf', size: 8 },
    });
    const { state, actions, sent, fill } = setup([created()], { upload });
    fill();
    actions.addFiles([pdf]);
    actions.submit();
    expect(state.phase.value).toBe('sending');
    await settle();
    expect(sent[0]?.attachments).toEqual(['att-1']);
    expect(state.phase.value).toBe('sent');
  });

  test('a file the server refuses is the visitor to replace; nothing is sent', async () => {
    const upload = async (): Promise<UploadResult> => ({
      ok: false,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });
    const { state, actions, sent, fill } = setup([created()], { upload });
    fill();
    actions.addFiles([pdf]);
    actions.submit();
    await settle();
    expect(sent).toEqual([]);
    expect(state.errors.value.attachments).toBe(
      'spec.pdf: only images, PDF, Word and Excel files can be sent.',
    );
    actions.removeFile(0);
    expect(state.files.value).toEqual([]);
    expect(state.errors.value.attachments).toBeUndefined();
  });
});
