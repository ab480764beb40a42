import { describe, expect, test, vi } from 'vitest';
import { ATTACHMENT_BYTES_MAX } from '../../contract/limits';
import type { UploadResult } from '../api';
import { chooseFiles, createUploads } from './attachments';
import { en } from './i18n/en';

const file = (name: string, size = 10) => new File([new Uint8Array(size)], name);

describe('chooseFiles', () => {
  test('keeps up to three offered files and names the first one left out', () => {
    const kept = [file('a.pdf')];
    const { files, error } = chooseFiles(
      kept,
      [file('b.PNG'), file('run.exe'), file('c.docx'), file('d.xlsx')],
      en,
    );
    expect(files.map((f) => f.name)).toEqual(['a.pdf', 'b.PNG', 'c.docx']);
    expect(error).toBe('run.exe: only images, PDF, Word and Excel files can be sent.');
    expect(chooseFiles(files, [file('e.jpg')], en).error).toBe('Please choose at most 3 files.');
  });

  test('refuses a file over 5 MB', () => {
    const big = file('drawing.pdf', ATTACHMENT_BYTES_MAX + 1);
    expect(chooseFiles([], [big], en)).toEqual({
      files: [],
      error: 'drawing.pdf is larger than 5 MB.',
    });
  });
});

describe('createUploads', () => {
  test('uploads each file once, even across attempts, and says which one failed', async () => {
    const a = file('a.pdf');
    const b = file('b.pdf');
    const answers: UploadResult[] = [
      { ok: true, attachment: { id: 'att-a', filename: 'a.pdf', contentType: '', size: 10 } },
      { ok: false, code: 'NETWORK' },
      { ok: true, attachment: { id: 'att-b', filename: 'b.pdf', contentType: '', size: 10 } },
    ];
    const upload = vi.fn(
      async (_file: File): Promise<UploadResult> =>
        answers.shift() ?? { ok: false, code: 'INTERNAL' },
    );
    const uploadAll = createUploads(upload);
    expect(await uploadAll([a, b])).toEqual({ ok: false, code: 'NETWORK', file: b });
    expect(await uploadAll([a, b])).toEqual({ ok: true, ids: ['att-a', 'att-b'] });
    expect(upload.mock.calls.map(([f]) => f.name)).toEqual(['a.pdf', 'b.pdf', 'b.pdf']);
  });
});
