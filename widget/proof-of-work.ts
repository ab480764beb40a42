import type { ProofOfWorkChallenge } from '../contract/inquiry';

type Challenge = NonNullable<ProofOfWorkChallenge['challenge']>;

const hex = (buffer: ArrayBuffer) =>
  Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * Solves an ALTCHA (v1) challenge: the number whose SHA-256(salt + number) is the challenge,
 * as the base64 payload the server checks; null if none is found (a broken challenge).
 * Up to `maxnumber` hashes with WebCrypto: well under a second on a phone.
 */
export async function solveProofOfWork(
  c: Challenge,
  subtle: SubtleCrypto = crypto.subtle,
): Promise<string | null> {
  const encoder = new TextEncoder();
  for (let n = 0; n <= c.maxnumber; n++) {
    if (hex(await subtle.digest('SHA-256', encoder.encode(c.salt + n))) === c.challenge) {
      const payload = {
        algorithm: c.algorithm,
        challenge: c.challenge,
        number: n,
        salt: c.salt,
        signature: c.signature,
      };
      return btoa(JSON.stringify(payload));
    }
  }
  return null;
}
