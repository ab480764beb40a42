import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

// Lowercase base32: safe in URLs, cookies and (case-insensitive) mail local parts.
function base32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/** A fresh random token of 128 bits, 26 characters of lowercase base32. */
export function randomToken(): string {
  return base32(randomBytes(16));
}

/**
 * The token for record `id` of `purpose`, derived with the server's secret: 128 bits of an
 * HMAC-SHA256. Only its hash is stored; the outbox re-derives it to put it in a mail, so the
 * database alone never holds a usable token.
 */
export function deriveToken(secret: string, purpose: string, id: string): string {
  return base32(createHmac('sha256', secret).update(`${purpose}:${id}`).digest().subarray(0, 16));
}

/** SHA-256 of a token, hex: what the database stores and looks tokens up by. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token.toLowerCase()).digest('hex');
}

/** Compares two strings in constant time (for equal lengths; lengths are not secret here). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Tokens this server hands out: 26 lowercase base32 characters. */
export const TOKEN_SHAPE = /^[a-z2-7]{26}$/;
