import { createHash } from 'node:crypto';
import type { IdempotencyRecord, Store } from '../storage/store';
import { DomainError } from './errors';

/** An Idempotency-Key as sent: 1-255 visible ASCII characters (the draft's sf-string). */
const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;

/** A request's key, made specific to what it may create, with its body's fingerprint. */
export interface IdempotencyClaim {
  record: IdempotencyRecord;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Checks an Idempotency-Key header for the request `scope` ("inquiry:<site>", a visitor's
 * "message:<inquiry>", a rep's "inbox-message:<inquiry>") and body. Returns null without a
 * key; throws VALIDATION_FAILED for a malformed one.
 */
export function idempotencyClaim(
  key: string | undefined,
  scope: string,
  body: unknown,
  resourceId: string,
): IdempotencyRecord | null {
  if (key === undefined) return null;
  if (!KEY_SHAPE.test(key)) {
    throw new DomainError('VALIDATION_FAILED', 'The Idempotency-Key header is malformed.', {
      'Idempotency-Key': 'Use 1 to 255 visible ASCII characters, e.g. a UUID.',
    });
  }
  return {
    keyHash: sha256(`${scope}\n${key}`),
    fingerprint: sha256(JSON.stringify(body)),
    resourceId,
  };
}

/**
 * What an earlier request with the same key created: its resource id to answer with again, or
 * null when the key is new. The same key with another body is refused (422), as the draft asks.
 */
export async function replayOf(
  store: Store,
  claim: IdempotencyRecord | null,
): Promise<string | null> {
  if (!claim) return null;
  const earlier = await store.findIdempotency(claim.keyHash);
  if (!earlier) return null;
  if (earlier.fingerprint !== claim.fingerprint) {
    throw new DomainError(
      'IDEMPOTENCY_KEY_REUSED',
      'This Idempotency-Key was used for another request.',
    );
  }
  return earlier.resourceId;
}

/**
 * Answers with what an earlier request with the same key created (`replay`), or runs `create`,
 * which stores `claim` with what it creates. When that fails because a concurrent request with
 * the same key stored it first, answers like that request did.
 */
export async function createOnce<T>(
  store: Store,
  claim: IdempotencyRecord | null,
  create: () => Promise<T>,
  replay: (resourceId: string) => Promise<T>,
): Promise<T> {
  const earlier = await replayOf(store, claim);
  if (earlier !== null) return replay(earlier);
  try {
    return await create();
  } catch (err) {
    const winner = claim ? await replayOf(store, claim) : null;
    if (winner === null) throw err;
    return replay(winner);
  }
}
