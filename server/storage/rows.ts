import { sql, type Insertable, type Selectable, type UpdateObject } from 'kysely';
import type { Channel, Role } from '../../contract';
import type {
  ConversationTokensTable,
  Database,
  DeliveriesTable,
  InquiriesTable,
  MessagesTable,
  RepsTable,
  SitesTable,
} from './database';
import type {
  AuthorKind,
  ConversationToken,
  Delivery,
  DeliveryState,
  Inquiry,
  InquiryPatch,
  InquiryStatus,
  Message,
  Product,
  Rep,
  Site,
} from './store';

// Row <-> record mapping: JSON columns, 0/1 booleans, and the string unions the columns hold.

export const parseJson = <T>(text: string): T => JSON.parse(text) as T;

export const toSite = (row: Selectable<SitesTable>): Site => ({
  id: row.id,
  key: row.key,
  name: row.name,
  allowedOrigins: parseJson<string[]>(row.allowedOrigins),
  defaultRepId: row.defaultRepId,
  configVersion: Number(row.configVersion),
});

export const toRep = (row: Selectable<RepsTable>): Rep => ({
  id: row.id,
  siteId: row.siteId,
  handle: row.handle,
  name: row.name,
  title: row.title,
  photoUrl: row.photoUrl,
  email: row.email,
  active: row.active === 1,
  role: row.role as Role,
});

export const toDelivery = (row: Selectable<DeliveriesTable>): Delivery => ({
  id: row.id,
  kind: row.kind,
  payload: parseJson<Record<string, unknown>>(row.payload),
  dedupeKey: row.dedupeKey,
  siteId: row.siteId,
  inquiryId: row.inquiryId,
  state: row.state as DeliveryState,
  attempts: row.attempts,
  nextAttemptAt: row.nextAttemptAt,
  lastError: row.lastError,
  lane: row.lane,
});

export const toMessage = (row: Selectable<MessagesTable>): Message => ({
  ...row,
  authorKind: row.authorKind as AuthorKind,
  channel: row.channel as Channel,
});

export const toToken = (row: Selectable<ConversationTokensTable>): ConversationToken => ({
  id: row.id,
  inquiryId: row.inquiryId,
  party: row.party as ConversationToken['party'],
  repId: row.repId,
  revoked: row.revokedAt !== null,
});

export const fromInquiry = (i: Inquiry) =>
  ({
    id: i.id,
    siteId: i.siteId,
    repId: i.repId,
    status: i.status,
    visitorName: i.visitor.name,
    visitorEmail: i.visitor.email,
    visitorCompany: i.visitor.company,
    visitorCountry: i.visitor.country,
    visitorPhone: i.visitor.phone,
    quantity: i.quantity,
    unit: i.unit,
    products: JSON.stringify(i.products),
    pageUrl: i.page.url,
    pageReferrer: i.page.referrer,
    pageLanguage: i.page.language,
    pageTimezone: i.page.timezone,
    assignmentReason: i.assignmentReason,
    consentText: i.consentText ?? null,
    unread: i.unread ? 1 : 0,
    awaitingReply: i.awaitingReply ? 1 : 0,
    lastActivityAt: i.lastActivityAt,
    createdAt: i.createdAt,
    updatedAt: i.createdAt,
  }) satisfies Insertable<InquiriesTable>;

export const toInquiry = (row: Selectable<InquiriesTable>): Inquiry => ({
  id: row.id,
  siteId: row.siteId,
  repId: row.repId,
  status: row.status as InquiryStatus,
  visitor: {
    name: row.visitorName,
    email: row.visitorEmail,
    company: row.visitorCompany,
    country: row.visitorCountry,
    phone: row.visitorPhone,
  },
  quantity: row.quantity,
  unit: row.unit,
  products: parseJson<Product[]>(row.products),
  page: {
    url: row.pageUrl,
    referrer: row.pageReferrer,
    language: row.pageLanguage,
    timezone: row.pageTimezone,
  },
  assignmentReason: row.assignmentReason,
  consentText: row.consentText,
  unread: row.unread === 1,
  awaitingReply: row.awaitingReply === 1,
  lastActivityAt: row.lastActivityAt,
  createdAt: row.createdAt,
});

/** The columns an InquiryPatch sets (`firstReplyAt` is applied by the caller, only if unset). */
export const patchColumns = (
  patch: InquiryPatch,
  now: string,
): UpdateObject<Database, 'inquiries'> => ({
  ...(patch.escalatedAt !== undefined && { escalatedAt: patch.escalatedAt }),
  ...(patch.handedAt !== undefined && { handedAt: patch.handedAt }),
  ...(patch.status !== undefined && {
    status: patch.statusFrom
      ? sql<string>`case when status in (${sql.join(patch.statusFrom)}) then ${patch.status} else status end`
      : patch.status,
  }),
  ...(patch.unread !== undefined && { unread: patch.unread ? 1 : 0 }),
  ...(patch.awaitingReply !== undefined && { awaitingReply: patch.awaitingReply ? 1 : 0 }),
  ...(patch.repId !== undefined && { repId: patch.repId }),
  ...(patch.lastActivityAt !== undefined && { lastActivityAt: patch.lastActivityAt }),
  updatedAt: now,
});
