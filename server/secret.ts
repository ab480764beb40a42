import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The secret that signs derived tokens: SECRET_KEY when set (required once several processes
 * share a database), else one generated on first start and kept beside the SQLite file, so
 * mailed links keep working across restarts.
 */
export function resolveSecret(
  configured: string | null,
  databasePath: string,
): { secret: string; source: string } {
  if (configured) return { secret: configured, source: 'SECRET_KEY' };
  if (databasePath === ':memory:')
    return { secret: randomBytes(32).toString('base64url'), source: 'memory' };
  const path = join(dirname(databasePath), 'secret.key');
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  return { secret: readFileSync(path, 'utf8').trim(), source: path };
}
