import type { Generated } from 'kysely';

// Table shapes as Kysely sees them through CamelCasePlugin (columns are snake_case in SQL).
// Times are ISO-8601 UTC strings: they sort as text on every engine, and better-sqlite3
// refuses Date objects (WiseLibs/better-sqlite3#741). Booleans are 0/1 integers for the same
// reason, so the store never branches on the dialect.

export interface SitesTable {
  id: string;
  key: string;
  name: string;
  /** JSON array of origin patterns, e.g. ["https://example.com", "http://localhost:*"]. */
  allowedOrigins: string;
  defaultRepId: string | null;
  defaultTeamId: string | null;
  themeColor: string | null;
  defaultLanguage: string | null;
  replyPromiseHours: Generated<number>;
  escalationReassign: Generated<number>;
  /** Days closed inquiries are kept; null: kept until deleted. */
  retentionDays: number | null;
  /** 'off', 'on' or 'auto'. */
  proofOfWork: Generated<string>;
  createdAt: string;
  /** Moved on by triggers at every write of the site's configuration (migration 0023). */
  configVersion: Generated<number>;
}

export interface RepsTable {
  id: string;
  siteId: string;
  /** Short public name used by the embed's `data-rep`, unique per site. */
  handle: string;
  name: string;
  title: string | null;
  photoUrl: string | null;
  email: string;
  active: number;
  role: string;
  passwordHash: string | null;
  /** JSON arrays of language tags and of countries/regions the rep serves. */
  languages: Generated<string>;
  countries: Generated<string>;
  /** JSON WeeklyHours, or null: always on duty. */
  hours: string | null;
  away: Generated<number>;
  whatsapp: string | null;
  maxOpen: number | null;
  createdAt: string;
}

export interface TeamsTable {
  id: string;
  siteId: string;
  name: string;
  distribution: string;
}

/** A team's round-robin turns, one row each (migration 0011). */
export interface TeamTurnsTable {
  teamId: string;
  turn: number;
  repId: string;
}

export interface TeamMembersTable {
  teamId: string;
  repId: string;
  position: number;
}

export interface RulesTable {
  id: string;
  siteId: string;
  position: number;
  name: string;
  /** JSON RuleMatch. */
  match: string;
  targetRepId: string | null;
  targetTeamId: string | null;
}

export interface SessionsTable {
  idHash: string;
  repId: string;
  createdAt: string;
  expiresAt: string;
}

export interface SignInLinksTable {
  id: string;
  tokenHash: string;
  repId: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface ThrottlesTable {
  key: string;
  failures: number;
  windowStart: string;
  lockedUntil: string | null;
}

export interface ConversationTokensTable {
  id: string;
  tokenHash: string;
  inquiryId: string;
  /** 'visitor' or 'rep': whose replies the token brings in. */
  party: string;
  repId: string | null;
  createdAt: string;
  revokedAt: string | null;
}

export interface InquiriesTable {
  id: string;
  siteId: string;
  repId: string | null;
  status: string;
  visitorName: string | null;
  visitorEmail: string;
  visitorCompany: string | null;
  visitorCountry: string | null;
  visitorPhone: string | null;
  quantity: number | null;
  unit: string | null;
  /** JSON array of products (one for now; the inquiry basket adds more). */
  products: string;
  pageUrl: string | null;
  pageReferrer: string | null;
  pageLanguage: string | null;
  pageTimezone: string | null;
  assignmentReason: string;
  /** 1 while the visitor wrote something the rep has not opened. */
  unread: number;
  /** 1 while the last message is the visitor's. */
  awaitingReply: number;
  lastActivityAt: string;
  firstReplyAt: string | null;
  escalatedAt: string | null;
  /** When its rep got it, if not when it arrived: "Not spam", a reassignment (0020). */
  handedAt: string | null;
  /** Who wrote the first reply, and from when they had the inquiry then (0021). */
  firstReplyRepId: string | null;
  firstReplyFrom: string | null;
  /** The consent text the visitor was shown when sending, as shown. */
  consentText: string | null;
  createdAt: string;
  updatedAt: string;
  /** SQLite only (migration 0014): its place in the list, its text index row's rowid. */
  searchRank?: number | null;
}

export interface MessagesTable {
  id: string;
  inquiryId: string;
  authorKind: string;
  authorRepId: string | null;
  body: string;
  channel: string;
  createdAt: string;
}

export interface DeliveriesTable {
  id: string;
  kind: string;
  /** JSON object; its shape depends on `kind`. */
  payload: string;
  /** Unique: the same cause never makes a second delivery. */
  dedupeKey: string;
  /** The site it is for; null only for a row older than migration 0010 that named none. */
  siteId: string | null;
  /** The inquiry it is about, if any (deleted with it). */
  inquiryId: string | null;
  state: string;
  attempts: Generated<number>;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  /** Deliveries to one receiver, sent in order and paused together (0022); null: its own. */
  lane: string | null;
}

export interface IdempotencyKeysTable {
  /** SHA-256 of the key's scope and the key. */
  keyHash: string;
  /** SHA-256 of the request body: the same key with another body is refused. */
  fingerprint: string;
  /** What the first request created (an inquiry or message id). */
  resourceId: string;
  createdAt: string;
}

export interface AttachmentsTable {
  id: string;
  siteId: string;
  /** Null until the inquiry that names it is stored. */
  inquiryId: string | null;
  /** The later message it came with (a mailed reply); null for the inquiry's own (0018). */
  messageId: string | null;
  filename: string;
  contentType: string;
  size: number;
  data: Uint8Array;
  createdAt: string;
}

export interface WebhooksTable {
  id: string;
  siteId: string;
  url: string;
  /** 'standard' (Standard Webhooks, signed), or a chat tool's preset: 'slack', 'wecom', 'dingtalk'. */
  format: string;
  /** JSON array of the event types sent, e.g. ["inquiry.created"]. */
  events: string;
  /** The Standard Webhooks signing secret, `whsec_` and base64. */
  secret: string;
  active: Generated<number>;
  createdAt: string;
}

export interface Database {
  sites: SitesTable;
  reps: RepsTable;
  inquiries: InquiriesTable;
  messages: MessagesTable;
  deliveries: DeliveriesTable;
  sessions: SessionsTable;
  signInLinks: SignInLinksTable;
  throttles: ThrottlesTable;
  conversationTokens: ConversationTokensTable;
  teams: TeamsTable;
  teamTurns: TeamTurnsTable;
  teamMembers: TeamMembersTable;
  rules: RulesTable;
  idempotencyKeys: IdempotencyKeysTable;
  attachments: AttachmentsTable;
  webhooks: WebhooksTable;
}
