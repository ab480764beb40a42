import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildServerBundle, SERVER_BUNDLE } from '../../server/build-bundle';

// The image keeps only `dependencies` (npm prune --omit=dev): every package the bundle
// imports must be one of them, or the server dies at start-up with ERR_MODULE_NOT_FOUND.
const manifest = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8'),
) as {
  dependencies: Record<string, string>;
};

/** The package a bare specifier names: `pg`, `@hono/node-server`, from `@hono/node-server/x`. */
const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

describe('the server bundle', () => {
  it('imports only node built-ins and production dependencies', async () => {
    await buildServerBundle();
    const code = readFileSync(SERVER_BUNDLE, 'utf8');
    const specifiers = [
      ...code.matchAll(/(?:^|\n)\s*import\b[^'"]*?from\s+"([^"]+)"|\bimport\("([^"]+)"\)/g),
    ]
      .map((m) => m[1] ?? m[2] ?? '')
      .filter((s) => !s.startsWith('.') && !s.startsWith('node:') && !builtinModules.includes(s));
    const packages = [...new Set(specifiers.map(packageOf))].sort();
    expect(packages.length).toBeGreaterThan(5);
    expect(packages.filter((p) => !(p in manifest.dependencies))).toEqual([]);
  });
});
