import type { InboxScope, Inquiry, Rep, Store } from '../storage/store';
import { DomainError } from './errors';

/** Whose inquiries a rep may see: an admin the whole site's, a rep their own. */
export function scopeOf(rep: Rep): InboxScope {
  return rep.role === 'admin' ? { siteId: rep.siteId } : { siteId: rep.siteId, repId: rep.id };
}

/** Whether `rep` may read and change `inquiry`. */
export function canAccess(rep: Rep, inquiry: Inquiry): boolean {
  return inquiry.siteId === rep.siteId && (rep.role === 'admin' || inquiry.repId === rep.id);
}

/**
 * The inquiry `id` if `rep` may see it. Anything else is NOT_FOUND, so that a rep cannot tell
 * another site's inquiry from one that does not exist.
 */
export async function inquiryForRep(store: Store, rep: Rep, id: string): Promise<Inquiry> {
  const inquiry = await store.findInquiry(id);
  if (!inquiry || !canAccess(rep, inquiry)) throw new DomainError('NOT_FOUND', 'No such inquiry.');
  return inquiry;
}
