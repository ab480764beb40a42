import { deriveToken, hashToken, TOKEN_SHAPE } from '../auth/tokens';
import type { ConversationToken, NewConversationToken, Store } from '../storage/store';

const PURPOSE = 'conversation';

/** A new token record for `party` on an inquiry, with the raw token it stands for. */
export function newConversationToken(
  secret: string,
  input: { id: string; inquiryId: string; party: 'visitor' | 'rep'; repId: string | null },
): { record: NewConversationToken; token: string } {
  const token = deriveToken(secret, PURPOSE, input.id);
  return { record: { ...input, tokenHash: hashToken(token) }, token };
}

/** The raw token of a stored record (for a mail's Reply-To or link). */
export function rawConversationToken(secret: string, record: { id: string }): string {
  return deriveToken(secret, PURPOSE, record.id);
}

/**
 * The live record a presented token stands for; null for anything else (malformed, unknown,
 * revoked). Lookup is by hash, so the comparison never touches the raw token.
 */
export async function resolveConversationToken(
  store: Store,
  token: string,
): Promise<ConversationToken | null> {
  const normalized = token.toLowerCase();
  if (!TOKEN_SHAPE.test(normalized)) return null;
  const record = await store.findConversationToken(hashToken(normalized));
  return record && !record.revoked ? record : null;
}
