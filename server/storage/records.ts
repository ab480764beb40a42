// The records the domain and storage exchange (store.ts: the operations on them), nothing of SQL.
import type {
  Channel,
  Distribution,
  ProofOfWork,
  Role,
  RuleMatch,
  Status,
  WeeklyHours,
} from '../../contract';

export interface Site {
  id: string;
  key: string;
  name: string;
  allowedOrigins: string[];
  defaultRepId: string | null;
  /**
   * The version of the site's configuration this was read at (migration 0023): what
   * Store.siteConfig returns is at least as new.
   */
  configVersion: number;
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
  role: Role;
}

export interface Product {
  name: string;
  sku?: string;
  category?: string;
  url?: string;
  image?: string;
  /** How many the buyer wants (absent: not said). */
  quantity?: number;
  unit?: string;
}

export type InquiryStatus = Status;

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
  /** The consent text the visitor was shown, if the form showed one. */
  consentText?: string | null;
  /** The visitor wrote something the rep has not opened yet. */
  unread: boolean;
  /** The last message is the visitor's. */
  awaitingReply: boolean;
  lastActivityAt: string;
  createdAt: string;
}

export type AuthorKind = 'visitor' | 'rep' | 'system' | 'note';

export interface Message {
  id: string;
  inquiryId: string;
  authorKind: AuthorKind;
  authorRepId: string | null;
  body: string;
  channel: Channel;
  createdAt: string;
}

export type DeliveryState = 'pending' | 'sent' | 'failed';

export interface Delivery {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  dedupeKey: string;
  /** The site it is for (null only for an old row that named none: migration 0010). */
  siteId: string | null;
  /** The inquiry it is about, if any. */
  inquiryId: string | null;
  state: DeliveryState;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  /**
   * Deliveries to one receiver (`webhook:<id>`): sent in order, one at a time, and put off
   * together while it fails (domain/outbox.ts). Null: a lane of its own.
   */
  lane: string | null;
}

export type NewDelivery = Pick<Delivery, 'id' | 'kind' | 'payload' | 'dedupeKey' | 'inquiryId'> & {
  siteId: string;
  lane?: string;
};

/** A conversation token's record; the token itself is never stored, only its hash. */
export interface ConversationToken {
  id: string;
  inquiryId: string;
  party: 'visitor' | 'rep';
  repId: string | null;
  revoked: boolean;
}

export type NewConversationToken = Omit<ConversationToken, 'revoked'> & { tokenHash: string };

/** What routing knows of a rep beyond their account. */
export interface RepProfile {
  languages: string[];
  countries: string[];
  hours: WeeklyHours | null;
  away: boolean;
  whatsapp: string | null;
  maxOpen: number | null;
}

/** A site's settings beyond its key, name and origins. */
export interface SiteSettings {
  defaultRepId: string | null;
  defaultTeamId: string | null;
  themeColor: string | null;
  defaultLanguage: string | null;
  replyPromiseHours: number;
  escalationReassign: boolean;
  /** Days closed inquiries are kept; null: until deleted. */
  retentionDays: number | null;
  /** Proof-of-work for new inquiries: never, always, or while the site is flooded. */
  proofOfWork: ProofOfWork;
}

export interface Team {
  id: string;
  siteId: string;
  name: string;
  distribution: Distribution;
  /** In round-robin order. */
  memberIds: string[];
  lastAssignedRepId: string | null;
  /** Round-robin turns given so far; the last went to `lastAssignedRepId`. */
  turns: number;
}

/** One round-robin turn of a team: its number, counted per team, and the member it went to. */
export interface TeamTurn {
  teamId: string;
  repId: string;
  turn: number;
}

export interface Rule {
  id: string;
  siteId: string;
  name: string;
  match: RuleMatch;
  target: { repId: string } | { teamId: string };
}

/** A remembered Idempotency-Key: what its first request created. */
export interface IdempotencyRecord {
  keyHash: string;
  fingerprint: string;
  resourceId: string;
}

/**
 * One inquiry in the reply statistics: answered, the rep who first replied and from when they
 * had it; not yet, the rep it is with and from when (`createdAt`: the start of the wait).
 */
export interface ReplyTiming {
  repId: string;
  createdAt: string;
  firstReplyAt: string | null;
}

export type NewSite = Omit<Site, 'defaultRepId' | 'configVersion'>;
export type NewRep = Rep;

/** Whose inquiries a list shows: one rep's, or (admins) a whole site's. */
export type InboxScope = { siteId: string; repId?: string };

export interface InquiryListFilter {
  status?: InquiryStatus;
  /** A full-text query, already made safe for the engine by the caller's adapter. */
  search?: string;
  /** Continue after this row (keyset pagination). */
  after?: { awaitingReply: boolean; lastActivityAt: string; id: string };
  limit: number;
}

/** What a message changes on its inquiry. */
export interface InquiryPatch {
  status?: InquiryStatus;
  /**
   * With `status`: only an inquiry whose stored status is one of these takes it, decided when
   * the change is written (a rep's change meanwhile is not overwritten by one read before it).
   */
  statusFrom?: InquiryStatus[];
  unread?: boolean;
  awaitingReply?: boolean;
  repId?: string | null;
  lastActivityAt?: string;
  /** Set only if the inquiry has none yet: the rep's first reply. */
  firstReplyAt?: string;
  /**
   * Set once: with it, addMessage stores nothing and answers false when the inquiry was
   * escalated already (by another process, on PostgreSQL).
   */
  escalatedAt?: string;
  /** When its rep got it ("Not spam", a reassignment): the promise of a reply runs from then. */
  handedAt?: string;
  /**
   * With `repId`: only while the inquiry is still held by this rep (null: by none) and still
   * unanswered, new or open, decided when the change is written; else addMessage stores
   * nothing and answers false. (An escalation's new rep, chosen from a read that a reply or an
   * admin's reassignment may have overtaken.)
   */
  whileUnansweredBy?: string | null;
}

export interface Throttle {
  failures: number;
  windowStart: string;
  lockedUntil: string | null;
}

/** How countAttempt moves a counter; auth/throttle.ts holds the policy. */
export interface AttemptCount {
  now: string;
  /** A window begun at or before this, with no lock-out running, starts over. */
  staleBefore: string;
  /** The count at which the attempt that reaches it sets `lockedUntil`. */
  lockAt: number;
  lockedUntil: string;
}

/** A one-time sign-in link to make, for the active rep of `email` if there is one. */
export interface SignInLinkRequest {
  email: string;
  link: { id: string; tokenHash: string; expiresAt: string };
  /** No link is made while the rep has an unused one expiring after this (and by `expiresAt`). */
  recentAfter: string;
  /** Its mail; the rep's id is added to the payload as `repId`, and the rep's site is its site. */
  delivery: Omit<NewDelivery, 'siteId' | 'inquiryId'>;
  now: string;
}
