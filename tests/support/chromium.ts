import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Flags for Chromium here: as root, with no network beyond loopback. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Chromium at CHROMIUM_PATH, Debian's /usr/bin/chromium, or Playwright's own download. */
export function findChromium(env: Record<string, string | undefined> = process.env): string | null {
  const candidates = [env.CHROMIUM_PATH, '/usr/bin/chromium', playwrightChromium()];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

function playwrightChromium(): string | undefined {
  try {
    return chromium.executablePath();
  } catch (err) {
    // Playwright throws when its browser registry has no entry; that only means "not here".
    if (err instanceof Error) return undefined;
    throw err;
  }
}

export const HOW_TO_GET_CHROMIUM = `No Chromium found for the end-to-end tests. Get one of:
  - Debian/Ubuntu:  sudo apt-get install -y chromium      (found at /usr/bin/chromium)
  - any browser build: set CHROMIUM_PATH=/path/to/chrome
  - Playwright's own:  npx playwright install chromium`;
