import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfigFile } from '../../server/config-file';
import { applyConfigFile } from '../../server/domain/apply-config';
import type { TestApp } from './test-app';

/** Writes `content` (JSON, or text as is) to a fresh liaison.config.json; returns its path. */
export function configFileWith(content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'liaison-config-')), 'liaison.config.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/** Reads and applies `content` as start-up does, with the test app's store and clock. */
export async function applyConfig(
  t: TestApp,
  content: unknown,
  { allowPrivateWebhooks = false }: { allowPrivateWebhooks?: boolean } = {},
): Promise<string[]> {
  const file = readConfigFile(configFileWith(content));
  if (!file) throw new Error('no file');
  const deps = { store: t.store, newId: t.newId, clock: () => t.now.value, allowPrivateWebhooks };
  return applyConfigFile(deps, file, 'liaison.config.json');
}
