/**
 * Whether `origin` (scheme://host[:port], from the Origin header) matches one of `patterns`.
 * A pattern is an exact origin, may end in `:*` for any port, and may start its host with
 * `*.` for any subdomain. Nothing matches `*` alone: a write endpoint is never open to all.
 */
export function originAllowed(origin: string, patterns: readonly string[]): boolean {
  const parsed = parseOrigin(origin);
  if (!parsed) return false;
  return patterns.some((p) => matches(parsed, p));
}

interface Origin {
  scheme: string;
  host: string;
  port: string;
}

const ORIGIN = /^(https?):\/\/([^/:?#]+)(?::(\d+|\*))?$/i;

function parseOrigin(value: string): Origin | null {
  const m = ORIGIN.exec(value.trim());
  if (!m?.[1] || !m[2]) return null;
  const scheme = m[1].toLowerCase();
  return { scheme, host: m[2].toLowerCase(), port: m[3] ?? (scheme === 'https' ? '443' : '80') };
}

function matches(origin: Origin, pattern: string): boolean {
  const p = parseOrigin(pattern);
  if (!p || p.scheme !== origin.scheme) return false;
  if (p.port !== '*' && p.port !== origin.port) return false;
  if (p.host.startsWith('*.')) return origin.host.endsWith(p.host.slice(1));
  return p.host === origin.host;
}
