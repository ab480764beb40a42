import type { Conversation, ThreadMessage } from '../../contract';
import type { Inquiry, Message, Site, Store } from '../storage/store';
import { resolveConversationToken } from './conversation-tokens';
import { DomainError } from './errors';
import { photoHref } from './photo-url';

/** The inquiry and site a visitor's token opens. */
export interface VisitorThread {
  inquiry: Inquiry;
  site: Site;
}

/** Opens the thread of a visitor's token; CONVERSATION_NOT_FOUND for any bad token. */
export async function openVisitorThread(store: Store, token: string): Promise<VisitorThread> {
  const record = await resolveConversationToken(store, token);
  const inquiry = record?.party === 'visitor' ? await store.findInquiry(record.inquiryId) : null;
  const site = inquiry ? await store.findSite(inquiry.siteId) : null;
  if (!inquiry || !site) {
    throw new DomainError(
      'CONVERSATION_NOT_FOUND',
      'This conversation link is not valid (any more).',
    );
  }
  return { inquiry, site };
}

/** The visitor's view of a thread: no internal notes, reps by name. */
export async function conversationView(
  store: Store,
  publicUrl: string,
  { inquiry, site }: VisitorThread,
): Promise<Conversation> {
  const [messages, rep] = await Promise.all([
    store.listMessages(inquiry.id),
    inquiry.repId ? store.findRep(inquiry.repId) : null,
  ]);
  const names = await repNames(store, messages);
  return {
    inquiryId: inquiry.id,
    site: { name: site.name },
    rep: rep && {
      name: rep.name,
      title: rep.title,
      photoUrl: photoHref(rep.photoUrl, publicUrl),
    },
    products: inquiry.products.map((p) => ({ name: p.name, ...(p.sku && { sku: p.sku }) })),
    messages: messages.flatMap((m) => {
      const view = toThreadMessage(m, names);
      return view ? [view] : [];
    }),
  };
}

/** A message as the visitor sees it; null for internal notes and inbox events. */
export function toThreadMessage(m: Message, names: Map<string, string>): ThreadMessage | null {
  if (m.authorKind !== 'visitor' && m.authorKind !== 'rep') return null;
  return {
    id: m.id,
    author: m.authorKind,
    authorName: m.authorRepId ? (names.get(m.authorRepId) ?? null) : null,
    body: m.body,
    createdAt: m.createdAt,
  };
}

/** Names of the reps who wrote `messages`, by id. */
export async function repNames(store: Store, messages: Message[]): Promise<Map<string, string>> {
  const ids = [...new Set(messages.flatMap((m) => (m.authorRepId ? [m.authorRepId] : [])))];
  const reps = await Promise.all(ids.map((id) => store.findRep(id)));
  return new Map(reps.flatMap((r) => (r ? [[r.id, r.name] as const] : [])));
}
