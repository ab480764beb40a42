// How the widget and the inbox make the Idempotency-Key their retries carry.
/** The part of `Crypto` a key needs; `randomUUID` is absent outside secure contexts. */
export type RandomSource = Pick<Crypto, 'getRandomValues'> & { randomUUID?: () => string };

/**
 * A fresh Idempotency-Key: a random UUID. A host page on plain http has no `randomUUID` (it is
 * for secure contexts only), so 16 random bytes in hex stand in there.
 */
export function newIdempotencyKey(source: RandomSource = crypto): string {
  if (typeof source.randomUUID === 'function') return source.randomUUID();
  const bytes = source.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
