// Bundles the server into dist/server.js, what production runs (`npm run build:server`, part
// of `npm run build`): one ES module with the dependencies left as imports of node_modules.
// Each file is written beside its target and renamed into place, so that a process starting
// the bundle never reads half a file while another build runs (test projects run at once).
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = join(import.meta.dirname, '..');
/** The bundle; server/main.ts finds the repository (dist/, demo/) one folder above it. */
export const SERVER_BUNDLE = join(ROOT, 'dist', 'server.js');

export async function buildServerBundle(): Promise<void> {
  const { outputFiles } = await build({
    entryPoints: [join(ROOT, 'server', 'main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    outfile: SERVER_BUNDLE,
    write: false,
    logLevel: 'warning',
  });
  mkdirSync(dirname(SERVER_BUNDLE), { recursive: true });
  // The map first: the bundle's last line names it.
  const isMap = (path: string) => path.endsWith('.map');
  const maps = outputFiles.filter((f) => isMap(f.path));
  for (const file of [...maps, ...outputFiles.filter((f) => !isMap(f.path))]) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildServerBundle();
