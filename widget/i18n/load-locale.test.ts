import { expect, test, vi } from 'vitest';
import { loadLocale } from './load-locale';
import * as de from './packs/de';
import type { LocalePack } from './pack';

test('English loads nothing', async () => {
  const importModule = vi.fn<(url: string) => Promise<LocalePack>>();
  await expect(loadLocale({ lang: 'en', origin: 'https://x', importModule })).resolves.toEqual({
    lang: 'en',
    dir: 'ltr',
    pack: null,
  });
  expect(importModule).not.toHaveBeenCalled();
});

test('another language imports its own pack from the widget origin', async () => {
  const importModule = vi.fn(async () => de);
  const chosen = await loadLocale({ lang: 'de', origin: 'https://x', importModule });
  expect(importModule).toHaveBeenCalledWith('https://x/widget-locale-de.js');
  expect(chosen).toMatchObject({ lang: 'de', dir: 'ltr' });
  expect(chosen.pack?.card.contactNow).toBe('Jetzt kontaktieren');
});

test('Arabic is right to left', async () => {
  const chosen = await loadLocale({
    lang: 'ar',
    origin: 'https://x',
    importModule: async () => de,
  });
  expect(chosen.dir).toBe('rtl');
});

test('a pack that fails to load is reported, and the widget speaks English', async () => {
  const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  const failure = new TypeError('Failed to fetch dynamically imported module');
  const chosen = await loadLocale({
    lang: 'ja',
    origin: 'https://x',
    importModule: () => Promise.reject(failure),
  });
  expect(chosen).toEqual({ lang: 'en', dir: 'ltr', pack: null });
  expect(errors).toHaveBeenCalledWith('[liaison]', failure);
  errors.mockRestore();
});
