import type { AttachmentStore, StoredAttachment } from './attachment-queries';
import type { WebhookStore } from './webhook-queries';
import type { SiteConfig } from './site-config';
import type {
  Site,
  Rep,
  Inquiry,
  Message,
  DeliveryState,
  Delivery,
  NewDelivery,
  ConversationToken,
  NewConversationToken,
  RepProfile,
  SiteSettings,
  Team,
  TeamTurn,
  Rule,
  IdempotencyRecord,
  ReplyTiming,
  NewSite,
  NewRep,
  InboxScope,
  InquiryListFilter,
  InquiryPatch,
  Throttle,
  AttemptCount,
  SignInLinkRequest,
} from './records';

// The domain's view of storage: the operations it needs, nothing of SQL. The records they
// exchange live in records.ts and are exported from here too, as ever.
export type * from './records';

/**
 * A message's files would take its inquiry past the most it may hold (`addMessage`'s
 * `filesMax`): another message brought files since the caller counted them.
 */
export class TooManyFiles extends Error {
  constructor(inquiryId: string) {
    super(`inquiry ${inquiryId} got files meanwhile: too many with these`);
    this.name = 'TooManyFiles';
  }
}

/**
 * Why `addMessage` stored nothing: the inquiry was deleted (the retention purge, a visitor's
 * erasure) after the caller read it.
 */
export class InquiryGone extends Error {
  constructor(inquiryId: string) {
    super(`inquiry ${inquiryId} was deleted meanwhile`);
    this.name = 'InquiryGone';
  }
}

/**
 * Why `createInquiry` stored nothing: the team's round-robin turn it takes, that number, was
 * stored first, by another process routing for the same team at the same moment.
 */
export class TurnTaken extends Error {
  constructor(teamId: string, turn: number) {
    super(`turn ${turn} of team ${teamId} was taken meanwhile`);
    this.name = 'TurnTaken';
  }
}

/** Everything the domain asks of storage. One Kysely implementation serves every engine. */
/** Assignments in flight in this process (domain/open-counts.ts). */
export interface Assigning {
  /** Inquiries routed to each rep, not yet written. */
  held: Map<string, number>;
  /** Those written since, numbered, while a routing that began before them may not see them. */
  written: Array<{ at: number; repId: string }>;
  /** The routings reading now, by the number each began at. */
  reading: number[];
  /** The next number. */
  next: number;
}

export interface Store extends AttachmentStore, WebhookStore {
  findSite(id: string): Promise<Site | null>;
  findSiteByKey(key: string): Promise<Site | null>;
  findRep(id: string): Promise<Rep | null>;
  findRepByHandle(siteId: string, handle: string): Promise<Rep | null>;
  findRepByEmail(email: string): Promise<Rep | null>;
  listReps(siteId: string): Promise<Rep[]>;
  countSites(): Promise<number>;
  createSite(site: NewSite): Promise<void>;
  createRep(rep: NewRep): Promise<void>;
  /**
   * A site, its first rep and that rep as its default, in one transaction: no process ever sees
   * the site without its rep. Fails as a whole when the key is taken (another process seeding).
   */
  createSiteWithRep(site: NewSite, rep: NewRep): Promise<void>;
  setDefaultRep(siteId: string, repId: string): Promise<void>;
  /**
   * Runs `work` while no other process on this database runs work of the same `name` (they
   * wait their turn): for start-up work that reads, then creates what it did not find.
   */
  exclusively<T>(name: string, work: () => Promise<T>): Promise<T>;
  /**
   * The round-robin turns this process has given on this database, by team (kept and read by
   * domain/team-turns.ts). One map per store, shared by every wrapper of it (they copy it).
   */
  givenTurns(): Map<string, Omit<TeamTurn, 'teamId'>>;
  /**
   * The inquiries this process has routed and not yet written, and those written while a
   * routing was reading (kept and read by domain/open-counts.ts). One per store, shared by
   * every wrapper of it.
   */
  assigning(): Assigning;
  /** Deactivating a rep also ends every session of theirs: a reactivation starts afresh. */
  setRepActive(repId: string, active: boolean): Promise<void>;
  findPasswordHash(repId: string): Promise<string | null>;
  /** Also ends every session of the rep: a new password locks out whoever had the old one. */
  setPasswordHash(repId: string, hash: string): Promise<void>;

  /**
   * Stores the inquiry, its first message, its tokens and deliveries in one transaction: one
   * it may share with inquiries stored at the same moment, each in a savepoint of its own
   * (storage/group-commit.ts). Resolves once committed; a failed one changes nothing.
   */
  createInquiry(input: {
    inquiry: Inquiry;
    message: Message;
    tokens: NewConversationToken[];
    deliveries: NewDelivery[];
    /**
     * The team whose round-robin turn the assignment took: its number and member. When the
     * team holds that number already, nothing is stored (rejects with TurnTaken).
     */
    teamTurn?: TeamTurn;
    /** Remembered with the inquiry; a second insert of the same key fails the transaction. */
    idempotency?: IdempotencyRecord;
    /** Uploaded files the inquiry claims (checked unclaimed beforehand). */
    attachmentIds?: string[];
  }): Promise<void>;
  /** Resolves once every inquiry handed to createInquiry is committed or failed (a stop). */
  writesSettled(): Promise<void>;
  findIdempotency(keyHash: string): Promise<IdempotencyRecord | null>;
  findInquiry(id: string): Promise<Inquiry | null>;
  listMessages(inquiryId: string): Promise<Message[]>;
  /**
   * Stores a message, what it changes on its inquiry, and its deliveries, in one transaction;
   * false when nothing was stored (the patch sets escalatedAt, and the inquiry was escalated
   * already, has a reply, or is no longer new or open; or whileUnansweredBy, and it is not).
   */
  addMessage(input: {
    message: Message;
    patch: InquiryPatch;
    deliveries: NewDelivery[];
    idempotency?: IdempotencyRecord;
    /** Files that came with the message (a mailed reply's), stored as its inquiry's. */
    attachments?: StoredAttachment[];
    /**
     * The most files the inquiry may hold with these, counted in the transaction, after the
     * inquiry's row is written (so two messages count in turn): more throws TooManyFiles.
     */
    filesMax?: number;
    /**
     * The team's round-robin turn the change takes (an escalation's new rep), stored with it
     * and only if it is made; when the team holds that number already, nothing is stored
     * (rejects with TurnTaken).
     */
    teamTurn?: TeamTurn;
  }): Promise<boolean>;
  updateInquiry(id: string, patch: InquiryPatch): Promise<void>;
  listInquiries(scope: InboxScope, filter: InquiryListFilter): Promise<Inquiry[]>;
  /**
   * The same inquiries as `listInquiries` finds, newest first by when they arrived (their ids
   * sort so), after `afterId`: an order no reply or status change moves a row in, so a long
   * export in batches meets each inquiry once.
   */
  exportInquiries(
    scope: InboxScope,
    filter: Omit<InquiryListFilter, 'after'> & { afterId?: string },
  ): Promise<Inquiry[]>;
  /** Unread inquiries in scope, counted up to `cap`. */
  countUnread(scope: InboxScope, cap: number): Promise<number>;
  /** The first message of each inquiry (for list previews). */
  firstMessages(inquiryIds: string[]): Promise<Map<string, string>>;

  findConversationToken(tokenHash: string): Promise<ConversationToken | null>;
  /** The live token of `party` on an inquiry (the rep's: of that rep). */
  findPartyToken(
    inquiryId: string,
    party: 'visitor' | 'rep',
    repId?: string,
  ): Promise<ConversationToken | null>;
  createConversationToken(token: NewConversationToken): Promise<void>;
  revokeConversationToken(id: string, at: string): Promise<void>;

  createSession(session: {
    idHash: string;
    repId: string;
    createdAt: string;
    expiresAt: string;
  }): Promise<void>;
  findSession(idHash: string): Promise<{ repId: string; expiresAt: string } | null>;
  deleteSession(idHash: string): Promise<void>;
  createSignInLink(link: {
    id: string;
    tokenHash: string;
    repId: string;
    expiresAt: string;
  }): Promise<void>;
  /** Marks an unused, unexpired link used and returns its rep; null for anything else. */
  useSignInLink(tokenHash: string, now: string): Promise<string | null>;
  findThrottle(key: string): Promise<Throttle | null>;
  clearThrottle(key: string): Promise<void>;
  /**
   * Counts an attempt against `key` in one statement (so attempts made at the same moment
   * each see their own count) and answers the counter as it is with this attempt in it.
   */
  countAttempt(key: string, count: AttemptCount): Promise<Throttle>;
  /**
   * Takes back one attempt counted in the window that began at `windowStart` (a success, or an
   * attempt another key refused), lifting the lock-out that attempt set at `lockAt`.
   */
  uncountAttempt(key: string, windowStart: string, lockAt: number): Promise<void>;
  /**
   * Makes the link and queues its mail in one transaction, unless there is no active rep of
   * that email or the rep has a recent unused link; runs the same statements either way, so
   * that its time does not tell which addresses have accounts. Answers the rep's id if made.
   */
  issueSignInLink(request: SignInLinkRequest): Promise<string | null>;
  /**
   * Deletes what only matters for a while: sessions and sign-in links expired by `now`,
   * throttle counters whose window began before `countersBefore` (no lock-out left),
   * Idempotency-Keys made before `keysBefore`, and round-robin turns far behind their team's.
   */
  forgetExpired(now: string, countersBefore: string, keysBefore: string): Promise<void>;
  /**
   * Counts one hit of `key` in the window starting at `windowStart`, or in a later one another
   * process has begun (one statement); returns the count and the window it is in.
   */
  countHit(key: string, windowStart: string): Promise<{ count: number; windowStart: string }>;

  findRepProfiles(siteId: string): Promise<Map<string, RepProfile>>;
  updateRepProfile(repId: string, patch: Partial<RepProfile>): Promise<void>;
  /** With `active: false`, also ends every session of the rep (as setRepActive). */
  updateRep(
    repId: string,
    patch: Partial<Pick<Rep, 'name' | 'title' | 'photoUrl' | 'role' | 'active' | 'handle'>>,
  ): Promise<void>;
  findSiteSettings(siteId: string): Promise<SiteSettings | null>;
  /**
   * The site's reps, profiles, rules, settings and active webhooks, and whether it has teams, at
   * `site.configVersion` or later: kept by the process until the version moves on
   * (storage/site-config.ts). Shared between callers: not to be changed.
   */
  siteConfig(site: Site): Promise<SiteConfig>;
  updateSite(
    siteId: string,
    patch: Partial<SiteSettings & Pick<Site, 'name' | 'allowedOrigins'>>,
  ): Promise<void>;
  listTeams(siteId: string): Promise<Team[]>;
  /** Creates or replaces a team and its members. */
  saveTeam(team: Omit<Team, 'lastAssignedRepId' | 'turns'>): Promise<void>;
  deleteTeam(teamId: string): Promise<void>;
  listRules(siteId: string): Promise<Rule[]>;
  /** Replaces the site's rules with `rules`, in that order, in one transaction. */
  replaceRules(siteId: string, rules: Rule[]): Promise<void>;
  /** Inquiries each rep of the site has open (new, open or waiting). */
  openCounts(siteId: string): Promise<Map<string, number>>;
  /** The rep of the latest assigned inquiry from `email` on the site. */
  lastRepForEmail(siteId: string, email: string): Promise<string | null>;
  /** Inquiries of the site created before `cutoff` that no rep has answered and that were not escalated. */
  unansweredBefore(siteId: string, cutoff: string, limit: number): Promise<Inquiry[]>;
  listSites(): Promise<Site[]>;
  replyTimings(siteId: string, since: string): Promise<ReplyTiming[]>;

  /** Inquiry ids of one visitor email on a site. */
  inquiryIdsOfVisitor(siteId: string, email: string): Promise<string[]>;
  /**
   * Deletes up to `limit` closed or spam inquiries of a site neither active nor changed since
   * `cutoff`, with everything of theirs, choosing them in the same transaction; returns how many.
   */
  purgeSettledBefore(siteId: string, cutoff: string, limit: number): Promise<number>;
  /**
   * Deletes inquiries and everything of theirs (messages, tokens, deliveries), in one
   * transaction, as a visitor's erasure needs: on SQLite, none of their text is left in the
   * file or its text index (StoreOptions.erase).
   */
  deleteInquiries(ids: string[]): Promise<void>;

  /**
   * Pending deliveries due at `now` of `kinds`, oldest first; of a lane, only its first
   * pending row (oldest by id), whose sending or giving up lets the next one come due.
   */
  dueDeliveries(now: string, limit: number, kinds?: string[]): Promise<Delivery[]>;
  /**
   * Takes a due delivery for one attempt: counts the attempt and pushes its next attempt to
   * `leaseUntil`, so a crashed sender's row comes due again. False when another took it; of
   * any number of processes claiming one row, one wins.
   */
  claimDelivery(delivery: Delivery, leaseUntil: string): Promise<boolean>;
  /**
   * Gives up on the pending deliveries of `lane` due at `now` (not one leased, nor one waiting
   * for a retry), with `error`: the one ahead of them was given up on after its last attempt.
   */
  failLane(lane: string, now: string, error: string): Promise<void>;
  markDeliverySent(id: string, at: string): Promise<void>;
  /**
   * Records a failed attempt: a retry at `retryAt`, or `failed` for good when it is null. Only
   * while the row is still the caller's (`leaseUntil`, its claimDelivery lease): a worker whose
   * lease ran out during a slow send must not overwrite the lease of the one that took it over.
   */
  /** Whether it was recorded: not when the lease `leaseUntil` was lost to another worker. */
  markDeliveryAttemptFailed(
    id: string,
    leaseUntil: string,
    error: string,
    retryAt: string | null,
  ): Promise<boolean>;
  countDeliveries(state: DeliveryState): Promise<number>;
  findDelivery(id: string): Promise<Delivery | null>;
  /**
   * A site's deliveries that failed for good, newest first, with when they were made: those of
   * its inquiries, of its reps (sign-in links), and those naming the site alone (webhook tests,
   * notices).
   */
  listFailedDeliveries(
    siteId: string,
    limit: number,
  ): Promise<Array<Delivery & { createdAt: string }>>;
  /** Adds deliveries outside any other change (notices to admins, webhook tests). */
  enqueue(deliveries: NewDelivery[], now: string): Promise<void>;
}
