import { verifyPassword } from '../auth/passwords';
import { attemptSucceeded, countAttempt } from '../auth/throttle';
import { hashToken, TOKEN_SHAPE } from '../auth/tokens';
import type { Rep, Store } from '../storage/store';
import { DomainError } from './errors';

export interface SignInDeps {
  store: Store;
  clock: () => Date;
  /** Waits before answering a throttled attempt; tests pass one that does not wait. */
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// Verifying against a dummy hash when there is no such account keeps the answer's timing from
// telling which addresses have accounts.
const DUMMY_HASH =
  'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/**
 * Signs in with email and password. Failures from one address or for one account are slowed,
 * then refused for a while (TOO_MANY_ATTEMPTS, with the seconds to wait).
 */
export async function passwordSignIn(
  { store, clock, sleep = wait }: SignInDeps,
  input: { email: string; password: string; address: string },
): Promise<Rep> {
  const email = input.email.toLowerCase();
  const account = `account:${email}`;
  // Counted before the password is checked, so that parallel guesses cannot all be checked.
  const verdict = await countAttempt(store, [`ip:${input.address}`, account], clock());
  if ('retryAfterMs' in verdict) {
    throw new DomainError(
      'TOO_MANY_ATTEMPTS',
      'Too many failed sign-ins. Please wait and try again.',
      undefined,
      Math.ceil(verdict.retryAfterMs / 1000),
    );
  }
  if (verdict.delayMs > 0) await sleep(verdict.delayMs);

  const rep = await store.findRepByEmail(email);
  const hash = rep ? await store.findPasswordHash(rep.id) : null;
  const ok = await verifyPassword(input.password, hash ?? DUMMY_HASH);
  if (!rep || !rep.active || !hash || !ok) {
    // Counted already, as a failure: nothing more to write.
    throw new DomainError(
      'INVALID_CREDENTIALS',
      'That email and password do not match an account.',
    );
  }
  await attemptSucceeded(store, verdict.counted, account);
  return rep;
}

/** Signs in with a mailed one-time link's token; a used, expired or unknown one is refused. */
export async function linkSignIn({ store, clock }: SignInDeps, token: string): Promise<Rep> {
  const normalized = token.toLowerCase();
  const repId = TOKEN_SHAPE.test(normalized)
    ? await store.useSignInLink(hashToken(normalized), clock().toISOString())
    : null;
  const rep = repId ? await store.findRep(repId) : null;
  if (!rep?.active) {
    throw new DomainError(
      'INVALID_CREDENTIALS',
      'This sign-in link has expired or was already used.',
    );
  }
  return rep;
}
