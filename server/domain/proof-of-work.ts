import { createHmac } from 'node:crypto';
import { createChallenge, extractParams, verifySolution } from 'altcha-lib/v1';
import type { ProofOfWorkChallenge } from '../../contract';
import type { Site, Store } from '../storage/store';
import { DomainError } from './errors';
import { peek } from './rate-limit';

/** How hard a challenge is: the browser tries up to this many SHA-256 hashes (well under a second). */
const MAX_NUMBER = 50_000;
export const CHALLENGE_MS = 10 * 60_000;
const MINUTE = 60_000;

export interface ProofOfWorkDeps {
  store: Store;
  clock: () => Date;
  secret: string;
  /** Inquiries a minute to one site past which 'auto' asks for proof-of-work. */
  floodPerMinute: number;
}

// A key of its own for ALTCHA's HMAC, derived from the server's secret.
const hmacKey = (secret: string) => createHmac('sha256', secret).update('altcha').digest('hex');

/** Whether a new inquiry to `site` needs a solved challenge now. */
export async function proofOfWorkRequired(deps: ProofOfWorkDeps, site: Site): Promise<boolean> {
  const mode = (await deps.store.siteConfig(site)).settings?.proofOfWork ?? 'auto';
  if (mode !== 'auto') return mode === 'on';
  return (
    (await peek(deps.store, `inquiry:site:${site.id}`, MINUTE, deps.clock())) >= deps.floodPerMinute
  );
}

/** The answer of `GET .../challenge`: a signed challenge when one is needed. */
export async function challengeFor(
  deps: ProofOfWorkDeps,
  site: Site,
): Promise<ProofOfWorkChallenge> {
  if (!(await proofOfWorkRequired(deps, site))) return { required: false, challenge: null };
  const c = await createChallenge({
    hmacKey: hmacKey(deps.secret),
    maxNumber: MAX_NUMBER,
    expires: new Date(deps.clock().getTime() + CHALLENGE_MS),
  });
  return {
    required: true,
    challenge: {
      algorithm: c.algorithm,
      challenge: c.challenge,
      maxnumber: c.maxnumber ?? MAX_NUMBER,
      salt: c.salt,
      signature: c.signature,
    },
  };
}

/**
 * Refuses an inquiry that needs proof-of-work without a valid, unused solution. A solution
 * counts once: its challenge's signature is remembered for the challenge's lifetime.
 */
export async function checkProofOfWork(
  deps: ProofOfWorkDeps,
  site: Site,
  pow: string | undefined,
): Promise<void> {
  if (!(await proofOfWorkRequired(deps, site))) return;
  const solved =
    pow === undefined ? null : await verifiedChallenge(pow, hmacKey(deps.secret), deps.clock());
  // Counted once for the challenge's whole life (its expiry is the count's window): a window
  // of the clock's would let a solution count again once the next one began.
  if (
    solved &&
    (await deps.store.countHit(`pow:${solved.challenge}`, solved.expires)).count === 1
  ) {
    return;
  }
  throw new DomainError(
    'PROOF_OF_WORK_REQUIRED',
    'Many inquiries are arriving: solve the challenge from GET .../challenge and send it as `pow`.',
  );
}

/**
 * The challenge a valid, unexpired solution solved (the replay key), or null for anything else.
 * The expiry is read against the app's clock, as it was set: altcha's own check reads the
 * wall clock.
 */
async function verifiedChallenge(
  pow: string,
  key: string,
  now: Date,
): Promise<{ challenge: string; expires: string } | null> {
  try {
    const sent: unknown = JSON.parse(Buffer.from(pow, 'base64').toString('utf8'));
    const challenge = typeof sent === 'object' && sent !== null && Reflect.get(sent, 'challenge');
    if (typeof challenge !== 'string') return null;
    // The expiry rides in the salt, which the signature covers: read once the solution is valid.
    if (!(await verifySolution(pow, key, false))) return null;
    const expires = Number(extractParams(pow).expires) * 1000;
    if (!Number.isFinite(expires) || expires < now.getTime()) return null;
    return { challenge, expires: new Date(expires).toISOString() };
  } catch {
    // Not base64 JSON, or fields of the wrong kinds (altcha throws on an unknown algorithm or
    // a salt that is not text): not a solution at all, whatever way it is broken.
    return null;
  }
}
