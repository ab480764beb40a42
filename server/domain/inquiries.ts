import type { InquiryCreated, ValidInquiry } from '../../contract';
import type {
  Inquiry,
  Message,
  NewConversationToken,
  NewDelivery,
  Product,
  Site,
} from '../storage/store';
import { routeCounted } from './open-counts';
import { route } from './router';
import { routingContext } from './routing-context';
import { turnGiven, withTurnRetries, withTurnsGiven } from './team-turns';
import type { ConversationDeps } from './conversation';
import { newConversationToken, rawConversationToken } from './conversation-tokens';
import { createOnce, idempotencyClaim } from './idempotency';
import { spamReason } from './spam';
import { checkAttachments } from './attachments';
import { REP_NOTIFICATION } from './rep-notification';
import { VISITOR_ACK } from './visitor-ack';
import { UNASSIGNED_NOTICE } from './admin-notices';
import { createdFact, webhookDeliveries } from './webhook-events';

export type InquiryDeps = ConversationDeps & {
  /** Derives conversation tokens (see conversation-tokens.ts). */
  secret: string;
};

/**
 * Stores a visitor's inquiry: assigns it, then writes the inquiry, its first message and the
 * rep's notification in one transaction. Mail goes out later, from the outbox.
 */
export async function receiveInquiry(
  { store, clock, newId, secret, events }: InquiryDeps,
  site: Site,
  input: ValidInquiry,
  {
    idempotencyKey,
    minFormMs,
    admit,
  }: {
    idempotencyKey?: string | undefined;
    minFormMs: number;
    /** Checks that apply only to a new inquiry, not to a repeated key (proof of work, limits). */
    admit?: () => Promise<void>;
  },
): Promise<InquiryCreated> {
  const deps = { store, clock, newId, secret, events };
  const inquiryId = newId();
  // The key's body fingerprint covers what the visitor sent, as validated, but for the proof
  // of work: a retry solves a fresh challenge and is still the same inquiry.
  const { pow: _solved, ...sent } = input;
  const claim = idempotencyClaim(idempotencyKey, `inquiry:${site.id}`, sent, inquiryId);
  // A repeated key gets the first answer; a request with the same key that stores first makes
  // any failure here (a limit it used up, the attachments it claimed) its answer instead.
  return createOnce(
    store,
    claim,
    async () => {
      await admit?.();
      // Routed again when another process took the same team turn first (team-turns.ts);
      // the last try takes no turn, so the inquiry is stored whatever the others do.
      return withTurnRetries(storeRouted);
    },
    (id) => createdAnswer(deps, id),
  );

  async function storeRouted(takeTurn: boolean): Promise<InquiryCreated> {
    const spam = spamReason(input.client, minFormMs);
    const products = productsOf(input);
    const attachmentIds = await checkAttachments(store, site.id, input.attachments);
    const { context, decision, turn, written } = await routeCounted(store, async (routing) => {
      const context = await routingContext(store, site, input.email.toLowerCase());
      // No await from here on: the turn read is the turn taken (team-turns.ts), and the open
      // counts read are those held (open-counts.ts).
      const teams = withTurnsGiven(store, context.teams);
      const decision = route({
        ...context,
        reps: routing.counted(context.reps),
        teams,
        inquiry: {
          requestedHandle: input.rep,
          country: input.country,
          language: input.page?.language,
          pageUrl: input.page?.url,
          products: products.map(({ sku, category }) => ({ sku, category })),
        },
        now: clock(),
      });
      const turn = turnGiven(store, teams, decision);
      return { context, decision, turn, written: routing.hold(decision.repId) };
    });
    try {
      return await writeInquiry();
    } finally {
      written();
    }

    /** The rest of storeRouted: the inquiry as routed, written with all that goes with it. */
    async function writeInquiry(): Promise<InquiryCreated> {
      const assigned = decision.repId
        ? context.reps.find((r) => r.id === decision.repId)
        : undefined;

      const now = clock().toISOString();
      const inquiry: Inquiry = {
        id: inquiryId,
        siteId: site.id,
        repId: decision.repId,
        status: spam ? 'spam' : 'new',
        visitor: {
          name: given(input.name),
          // One buyer, however they type it: returning-buyer routing and exports match on it.
          email: input.email.toLowerCase(),
          company: given(input.company),
          country: given(input.country),
          phone: given(input.phone),
        },
        // The inquiry's own quantity only when it names no product: else each product has its own.
        quantity: products.length === 0 ? (input.quantity ?? null) : null,
        unit: products.length === 0 && input.quantity !== undefined ? (input.unit ?? null) : null,
        products,
        page: {
          url: given(input.page?.url),
          referrer: given(input.page?.referrer),
          language: given(input.page?.language),
          timezone: given(input.page?.timezone),
        },
        assignmentReason: spam ? `held as spam (${spam}); ${decision.reason}` : decision.reason,
        consentText: given(input.consent),
        unread: !spam,
        awaitingReply: true,
        lastActivityAt: now,
        createdAt: now,
      };
      const message: Message = {
        id: newId(),
        inquiryId: inquiry.id,
        authorKind: 'visitor',
        authorRepId: null,
        body: input.message,
        channel: input.page ? 'widget' : 'api',
        createdAt: now,
      };
      // The visitor's token answers the 201 and rides in their mails; the rep's brings the rep's
      // mailed answers back into this thread.
      const visitor = newConversationToken(secret, {
        id: newId(),
        inquiryId: inquiry.id,
        party: 'visitor',
        repId: null,
      });
      const tokens: NewConversationToken[] = [visitor.record];
      if (decision.repId) {
        tokens.push(
          newConversationToken(secret, {
            id: newId(),
            inquiryId: inquiry.id,
            party: 'rep',
            repId: decision.repId,
          }).record,
        );
      }
      // Suspect submissions wait in the Spam folder: no rep mail, no mail to their address, no
      // webhook ("Not spam" sends them).
      const deliveries = spam
        ? []
        : [
            ...arrivalDeliveries(newId, inquiry, message.id),
            ...(await webhookDeliveries(
              { store, newId },
              site,
              [createdFact(inquiry)],
              inquiry.id,
            )),
          ];

      await store.createInquiry({
        inquiry,
        message,
        tokens,
        deliveries,
        ...(takeTurn && turn && { teamTurn: turn }),
        ...(claim && { idempotency: claim }),
        attachmentIds,
      });
      events.publish({
        type: 'inquiry',
        siteId: site.id,
        repId: inquiry.repId,
        inquiryId: inquiry.id,
        visitorVisible: true,
      });
      return {
        id: inquiry.id,
        rep: assigned ? { name: assigned.name } : null,
        token: visitor.token,
      };
    }
  }
}

/** The 201 answer for a stored inquiry, as its first request got it (for a repeated key). */
async function createdAnswer(
  { store, secret }: InquiryDeps,
  inquiryId: string,
): Promise<InquiryCreated> {
  const [inquiry, token] = await Promise.all([
    store.findInquiry(inquiryId),
    store.findPartyToken(inquiryId, 'visitor'),
  ]);
  if (!inquiry || !token) throw new Error(`inquiry ${inquiryId} of an idempotency key is gone`);
  const rep = inquiry.repId ? await store.findRep(inquiry.repId) : null;
  return {
    id: inquiry.id,
    rep: rep ? { name: rep.name } : null,
    token: rawConversationToken(secret, token),
  };
}

// A site owner's own form may post "" for a field left blank: store that as absent.
function given(value: string | undefined): string | null {
  return value === undefined || value === '' ? null : value;
}

/**
 * What a new inquiry sets off once it is accepted (at once, or when a rep says "Not spam"):
 * the visitor's acknowledgement, and the rep's notification or, unassigned, the admins'.
 */
export function arrivalDeliveries(
  newId: () => string,
  inquiry: Inquiry,
  firstMessageId: string,
): NewDelivery[] {
  return [
    {
      id: newId(),
      kind: VISITOR_ACK,
      siteId: inquiry.siteId,
      inquiryId: inquiry.id,
      payload: { inquiryId: inquiry.id },
      dedupeKey: `${VISITOR_ACK}:${inquiry.id}`,
    },
    inquiry.repId
      ? {
          id: newId(),
          kind: REP_NOTIFICATION,
          siteId: inquiry.siteId,
          inquiryId: inquiry.id,
          payload: { inquiryId: inquiry.id, messageId: firstMessageId },
          // Per rep, as a reassignment's: a rep given the inquiry while it was held as spam
          // is mailed on "Not spam", though the first rep had been.
          dedupeKey: `${REP_NOTIFICATION}:${firstMessageId}:${inquiry.repId}`,
        }
      : {
          id: newId(),
          kind: UNASSIGNED_NOTICE,
          siteId: inquiry.siteId,
          inquiryId: inquiry.id,
          payload: { inquiryId: inquiry.id },
          dedupeKey: `${UNASSIGNED_NOTICE}:${inquiry.id}`,
        },
  ];
}

type Line = NonNullable<ValidInquiry['products']>[number];

/**
 * The products an inquiry asks about, each with its quantity: the basket's lines, or the one
 * `product` with the inquiry's quantity (the simple shape a site's own form posts).
 */
export function productsOf(input: ValidInquiry): Product[] {
  const lines: Line[] =
    input.products ??
    (input.product ? [{ ...input.product, quantity: input.quantity, unit: input.unit }] : []);
  return lines.map((line) => ({
    name: line.name,
    ...(given(line.sku) && { sku: line.sku }),
    ...(line.url && { url: line.url }),
    ...(line.image && { image: line.image }),
    ...(given(line.category) && { category: line.category }),
    ...(line.quantity !== undefined && { quantity: line.quantity }),
    ...(line.quantity !== undefined && line.unit && { unit: line.unit }),
  }));
}
