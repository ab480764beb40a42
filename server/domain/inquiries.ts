import type { InquiryCreated, ValidInquiry } from '../../contract';
import type { Inquiry, Message, NewDelivery, Site, Store } from '../storage/store';
import { assign } from './assignment';
import { REP_NOTIFICATION } from './rep-notification';

export interface InquiryDeps {
  store: Store;
  clock: () => Date;
  newId: () => string;
}

/**
 * Stores a visitor's inquiry: assigns it, then writes the inquiry, its first message and the
 * rep's notification in one transaction. Mail goes out later, from the outbox.
 */
export async function receiveInquiry(
  { store, clock, newId }: InquiryDeps,
  site: Site,
  input: ValidInquiry,
): Promise<InquiryCreated> {
  const [requested, defaultRep] = await Promise.all([
    input.rep ? store.findRepByHandle(site.id, input.rep) : null,
    site.defaultRepId ? store.findRep(site.defaultRepId) : null,
  ]);
  const assignment = assign({ site, requested, defaultRep });

  const now = clock().toISOString();
  const inquiry: Inquiry = {
    id: newId(),
    siteId: site.id,
    repId: assignment.rep?.id ?? null,
    status: 'new',
    visitor: {
      name: given(input.name),
      email: input.email,
      company: given(input.company),
      country: given(input.country),
      phone: given(input.phone),
    },
    quantity: input.quantity ?? null,
    unit: input.quantity === undefined ? null : (input.unit ?? null),
    products: input.product
      ? [
          {
            name: input.product.name,
            ...(given(input.product.sku) && { sku: input.product.sku }),
            ...(input.product.url && { url: input.product.url }),
            ...(input.product.image && { image: input.product.image }),
          },
        ]
      : [],
    page: {
      url: given(input.page?.url),
      referrer: given(input.page?.referrer),
      language: given(input.page?.language),
      timezone: given(input.page?.timezone),
    },
    assignmentReason: assignment.reason,
    createdAt: now,
  };
  const message: Message = {
    id: newId(),
    inquiryId: inquiry.id,
    authorKind: 'visitor',
    authorRepId: null,
    body: input.message,
    createdAt: now,
  };
  const deliveries: NewDelivery[] = assignment.rep
    ? [
        {
          id: newId(),
          kind: REP_NOTIFICATION,
          payload: { inquiryId: inquiry.id, messageId: message.id },
          dedupeKey: `${REP_NOTIFICATION}:${message.id}`,
        },
      ]
    : [];

  await store.createInquiry(inquiry, message, deliveries);
  return { id: inquiry.id, rep: assignment.rep ? { name: assignment.rep.name } : null };
}

// A site owner's own form may post "" for a field left blank: store that as absent.
function given(value: string | undefined): string | null {
  return value === undefined || value === '' ? null : value;
}
