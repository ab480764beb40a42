// Runs the Playwright suite when a Chromium is at hand; otherwise says how to get one.
// Under CI=true a missing browser fails the run instead of skipping it.
import { spawnSync } from 'node:child_process';
import { findChromium, HOW_TO_GET_CHROMIUM } from '../support/chromium';

const browser = findChromium();
if (!browser) {
  console.error(HOW_TO_GET_CHROMIUM);
  if (process.env.CI === 'true') {
    console.error('CI=true: failing instead of skipping the end-to-end tests.');
    process.exit(1);
  }
  console.error('Skipping the end-to-end tests.');
  process.exit(0);
}
const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: browser },
});
process.exit(result.status ?? 1);
