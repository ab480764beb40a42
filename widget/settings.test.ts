import { describe, expect, test } from 'vitest';
import { readSettings, type ScriptLike } from './settings';

const script = (dataset: Record<string, string>, src = 'https://cdn.liaison.test/widget.js') =>
  ({ src, dataset }) satisfies ScriptLike;

describe('readSettings', () => {
  test('reads data-* attributes and takes the API origin from the script URL', () => {
    const result = readSettings({
      script: script({ site: 'demo', rep: 'moore-liu', lang: 'en' }),
      override: undefined,
    });
    expect(result).toEqual({
      ok: true,
      settings: {
        site: 'demo',
        rep: 'moore-liu',
        lang: 'en',
        apiOrigin: 'https://cdn.liaison.test',
      },
    });
  });

  test('reads the conversation token of a conversation page', () => {
    const result = readSettings({
      script: script({ site: 'demo', conversation: ' tok_123 ' }),
      override: undefined,
    });
    expect(result).toMatchObject({ ok: true, settings: { conversation: 'tok_123' } });
  });

  test('leaves out empty optional attributes and trims values', () => {
    const result = readSettings({ script: script({ site: ' demo ', rep: '' }), override: null });
    expect(result).toEqual({
      ok: true,
      settings: { site: 'demo', apiOrigin: 'https://cdn.liaison.test' },
    });
  });

  test('window.liaisonSettings wins over the script tag', () => {
    const result = readSettings({
      script: script({ site: 'from-tag', rep: 'tag-rep' }),
      override: { site: 'from-gtm', apiOrigin: 'https://api.example.com/some/path', lang: 'de' },
    });
    expect(result).toEqual({
      ok: true,
      settings: {
        site: 'from-gtm',
        rep: 'tag-rep',
        lang: 'de',
        apiOrigin: 'https://api.example.com',
      },
    });
  });

  test('works from liaisonSettings alone (script injected without attributes)', () => {
    const result = readSettings({
      script: null,
      override: { site: 'demo', apiOrigin: 'https://api.example.com' },
    });
    expect(result.ok).toBe(true);
  });

  test('takes the string texts of liaisonSettings.texts, for any language', () => {
    const result = readSettings({
      script: script({ site: 'demo' }),
      override: { texts: { leaveMessage: 'Écrivez-nous', contactNow: 7, nested: {} } },
    });
    expect(result).toMatchObject({
      ok: true,
      settings: { texts: { leaveMessage: 'Écrivez-nous' } },
    });
    expect(result.ok && result.settings.texts).toEqual({ leaveMessage: 'Écrivez-nous' });
  });

  test('ignores override fields of the wrong type', () => {
    const result = readSettings({ script: script({ site: 'demo' }), override: { site: 42 } });
    expect(result).toMatchObject({ ok: true, settings: { site: 'demo' } });
  });

  test('reports a missing site key', () => {
    expect(readSettings({ script: script({}), override: undefined })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('data-site'),
    });
  });

  test('reports a missing API origin (inline script, no override)', () => {
    expect(
      readSettings({ script: script({ site: 'demo' }, ''), override: undefined }),
    ).toMatchObject({
      ok: false,
      reason: expect.stringContaining('origin'),
    });
  });
});
