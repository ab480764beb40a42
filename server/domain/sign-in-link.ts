import { deriveToken, hashToken } from '../auth/tokens';
import { escapeHtml } from '../mail/html';
import type { Delivery, Rep, Store } from '../storage/store';
import { messageIdFor, payloadString, type MailContext } from './mail-context';
import type { DeliveryHandler } from './outbox';
import { hit, type Limit } from './rate-limit';

/** The delivery kind that mails a one-time sign-in link. */
export const SIGN_IN_LINK = 'sign-in-link';

const PURPOSE = 'sign-in';
/** How long a mailed sign-in link works. */
export const SIGN_IN_LINK_MS = 15 * 60_000;

export interface SignInLinkDeps {
  store: Store;
  clock: () => Date;
  newId: () => string;
  secret: string;
}

/** Creates a one-time sign-in link for `rep` valid for `ttlMs`; returns its id. */
export async function createSignInLink(
  deps: SignInLinkDeps,
  rep: Rep,
  ttlMs: number,
): Promise<string> {
  const id = deps.newId();
  await deps.store.createSignInLink({
    id,
    tokenHash: hashToken(deriveToken(deps.secret, PURPOSE, id)),
    repId: rep.id,
    expiresAt: new Date(deps.clock().getTime() + ttlMs).toISOString(),
  });
  return id;
}

/**
 * How often links may be asked for: per client address and per email (account or not), in
 * fixed windows. A request past either is answered like any other (202) and mails nothing.
 */
export const LINK_REQUEST_LIMITS = {
  perAddress: { limit: 10, windowMs: 15 * 60_000 },
  perEmail: { limit: 5, windowMs: 15 * 60_000 },
} satisfies Record<string, Limit>;
/** While a link mailed this recently is unused and live, asking again mails nothing new. */
export const SIGN_IN_LINK_REPEAT_MS = 2 * 60_000;

/**
 * Queues a sign-in link for the account of `email`, if there is an active one, within the
 * limits above. The caller answers the same either way, and what this does takes the same
 * statements whether the address has an account or not (the limits count every email; the
 * store makes the link only where a rep matches), so neither the answer nor its time tells
 * which addresses have accounts.
 */
export async function requestSignInLink(
  deps: SignInLinkDeps,
  { email, address }: { email: string; address: string },
): Promise<void> {
  const now = deps.clock();
  const normalized = email.toLowerCase();
  const limits = LINK_REQUEST_LIMITS;
  if (!(await hit(deps.store, `link-ip:${address}`, limits.perAddress, now)).allowed) return;
  if (!(await hit(deps.store, `link-email:${normalized}`, limits.perEmail, now)).allowed) return;
  const id = deps.newId();
  await deps.store.issueSignInLink({
    email: normalized,
    link: {
      id,
      tokenHash: hashToken(deriveToken(deps.secret, PURPOSE, id)),
      expiresAt: new Date(now.getTime() + SIGN_IN_LINK_MS).toISOString(),
    },
    recentAfter: new Date(now.getTime() + SIGN_IN_LINK_MS - SIGN_IN_LINK_REPEAT_MS).toISOString(),
    delivery: {
      id: deps.newId(),
      kind: SIGN_IN_LINK,
      payload: { linkId: id, expiresAt: new Date(now.getTime() + SIGN_IN_LINK_MS).toISOString() },
      dedupeKey: `${SIGN_IN_LINK}:${id}`,
    },
    now: now.toISOString(),
  });
}

/** A sign-in link URL for link `id` (the token rides in the fragment, out of server logs). */
export function signInUrl(publicUrl: string, secret: string, id: string): string {
  return `${publicUrl}/inbox/link#${deriveToken(secret, PURPOSE, id)}`;
}

/**
 * Mails the link, unless it has expired meanwhile (the mail server was down for longer than a
 * link lasts, and the retries outlasted it): a dead link is not mailed, the rep asks again.
 */
export const signInLinkHandler = (ctx: MailContext): DeliveryHandler =>
  async function signInLink(delivery: Delivery) {
    const expiresAt = delivery.payload.expiresAt;
    const now = ctx.clock().toISOString();
    if (typeof expiresAt === 'string' && expiresAt <= now) return;
    const rep = await ctx.store.findRep(payloadString(delivery.payload, 'repId'));
    if (!rep) throw new Error('sign-in link for a missing rep');
    const url = signInUrl(ctx.publicUrl, ctx.secret, payloadString(delivery.payload, 'linkId'));
    await ctx.mailer.send({
      messageId: messageIdFor(ctx, delivery.id),
      to: { name: rep.name, address: rep.email },
      subject: 'Your Liaison sign-in link',
      text: `Sign in to the Liaison inbox (the link works once, for 15 minutes):\n${url}\n\nIf you did not ask for it, ignore this mail.`,
      html: `<p>Sign in to the Liaison inbox (the link works once, for 15 minutes):</p><p><a href="${escapeHtml(url)}">Sign in</a></p><p>If you did not ask for it, ignore this mail.</p>`,
    });
  };
