// Replies to Liaison's mail come back to reply+TOKEN@INBOUND_DOMAIN; the token is the
// conversation's capability, so only its exact shape is accepted.
const REPLY_LOCAL_PART = /^reply\+([a-z2-7]{26})$/;

/** The Reply-To address that routes an answer back to the conversation of `token`. */
export function replyAddress(token: string, domain: string): string {
  return `reply+${token}@${domain}`;
}

/** The token of a reply address of `domain`, or null for any other address. */
export function tokenFromAddress(address: string, domain: string): string | null {
  const at = address.lastIndexOf('@');
  if (at < 0) return null;
  // Domains are case-insensitive (RFC 5321 §2.4); local parts in principle are not, but
  // some clients and forwarders change their case, and our tokens are lowercase only.
  if (address.slice(at + 1).toLowerCase() !== domain.toLowerCase()) return null;
  const match = REPLY_LOCAL_PART.exec(address.slice(0, at).toLowerCase());
  return match?.[1] ?? null;
}
