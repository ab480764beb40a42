// The domain's view of storage: records and the operations it needs, nothing of SQL.

export interface Site {
  id: string;
  key: string;
  name: string;
  allowedOrigins: string[];
  defaultRepId: string | null;
}

export interface Rep {
  id: string;
  siteId: string;
  handle: string;
  name: string;
  title: string | null;
  photoUrl: string | null;
  email: string;
  active: boolean;
}

export interface Product {
  name: string;
  sku?: string;
  url?: string;
  image?: string;
}

export type InquiryStatus = 'new' | 'open' | 'waiting' | 'closed' | 'spam';

export interface Inquiry {
  id: string;
  siteId: string;
  repId: string | null;
  status: InquiryStatus;
  visitor: {
    name: string | null;
    email: string;
    company: string | null;
    country: string | null;
    phone: string | null;
  };
  quantity: number | null;
  unit: string | null;
  products: Product[];
  page: {
    url: string | null;
    referrer: string | null;
    language: string | null;
    timezone: string | null;
  };
  assignmentReason: string;
  createdAt: string;
}

export type AuthorKind = 'visitor' | 'rep' | 'system' | 'note';

export interface Message {
  id: string;
  inquiryId: string;
  authorKind: AuthorKind;
  authorRepId: string | null;
  body: string;
  createdAt: string;
}

export type DeliveryState = 'pending' | 'sent' | 'failed';

export interface Delivery {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  dedupeKey: string;
  state: DeliveryState;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
}

export type NewDelivery = Pick<Delivery, 'id' | 'kind' | 'payload' | 'dedupeKey'>;

export type NewSite = Omit<Site, 'defaultRepId'>;
export type NewRep = Rep;

/** Everything the domain asks of storage. One Kysely implementation serves every engine. */
export interface Store {
  findSite(id: string): Promise<Site | null>;
  findSiteByKey(key: string): Promise<Site | null>;
  findRep(id: string): Promise<Rep | null>;
  findRepByHandle(siteId: string, handle: string): Promise<Rep | null>;
  countSites(): Promise<number>;
  createSite(site: NewSite): Promise<void>;
  createRep(rep: NewRep): Promise<void>;
  setDefaultRep(siteId: string, repId: string): Promise<void>;

  /** Stores the inquiry, its first message and its deliveries in one transaction. */
  createInquiry(inquiry: Inquiry, firstMessage: Message, deliveries: NewDelivery[]): Promise<void>;
  findInquiry(id: string): Promise<Inquiry | null>;
  listMessages(inquiryId: string): Promise<Message[]>;

  /** Pending deliveries due at `now`, oldest first. */
  dueDeliveries(now: string, limit: number): Promise<Delivery[]>;
  /**
   * Takes a due delivery for one attempt: counts the attempt and pushes its next attempt to
   * `leaseUntil`, so a crashed sender's row comes due again. False when another took it.
   */
  claimDelivery(delivery: Delivery, leaseUntil: string): Promise<boolean>;
  markDeliverySent(id: string, at: string): Promise<void>;
  /** Records a failed attempt: a retry at `retryAt`, or `failed` for good when it is null. */
  markDeliveryAttemptFailed(id: string, error: string, retryAt: string | null): Promise<void>;
  countDeliveries(state: DeliveryState): Promise<number>;
  findDelivery(id: string): Promise<Delivery | null>;
}
