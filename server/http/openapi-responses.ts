import * as z from 'zod/mini';
import {
  type AdminRep,
  type AdminRule,
  type AdminSite,
  type AdminStats,
  type AdminTeam,
  type Conversation,
  DISTRIBUTIONS,
  ERROR_CODES,
  type ErrorBody,
  type InboxEvent,
  type InboxMessage,
  type AttachmentCreated,
  type InquiryCreated,
  type InquiryDetail,
  type InquiryPage,
  type Me,
  type MessageCreated,
  PROOF_OF_WORK,
  type ProofOfWorkChallenge,
  RepProfileInput,
  type RepOption,
  ROLES,
  RuleMatch,
  RuleTargetInput,
  STATUSES,
  type WidgetConfig,
} from '../../contract';

// The contract declares response bodies as TypeScript interfaces; the OpenAPI document needs
// schemas. Each schema here is checked against its interface at compile time (`Same` below),
// so a change to the contract that is not made here too fails `tsc`.

const str = z.string();
const nullableStr = z.nullable(z.string());
const id = z.object({ id: str, name: str });

export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: str,
    fields: z.optional(z.record(str, str)),
  }),
});

const RepCard = z.object({
  handle: str,
  name: str,
  title: nullableStr,
  photoUrl: nullableStr,
  available: z.boolean(),
  nextAvailableAt: nullableStr,
  back: nullableStr,
  whatsapp: nullableStr,
});

// A stage's texts by key, or as a list in its keys' order (`texts=card-list|form-list`).
const StageTexts = z.union([z.record(str, str), z.readonly(z.array(str))]);

export const WidgetConfigSchema = z.object({
  site: z.object({
    name: str,
    replyPromiseHours: z.number(),
    themeColor: nullableStr,
    theme: z.nullable(z.record(str, str)),
  }),
  rep: z.nullable(RepCard),
  texts: z.nullable(z.object({ card: StageTexts, form: StageTexts })),
});

export const ProofOfWorkChallengeSchema = z.object({
  required: z.boolean(),
  challenge: z.nullable(
    z.object({ algorithm: str, challenge: str, maxnumber: z.number(), salt: str, signature: str }),
  ),
});

export const AttachmentCreatedSchema = z.object({
  id: str,
  filename: str,
  contentType: str,
  size: z.number(),
});

export const InquiryCreatedSchema = z.object({
  id: str,
  rep: z.nullable(z.object({ name: str })),
  token: str,
});

const ThreadMessage = z.object({
  id: str,
  author: z.enum(['visitor', 'rep', 'system']),
  authorName: nullableStr,
  body: str,
  createdAt: str,
});

export const ConversationSchema = z.object({
  inquiryId: str,
  site: z.object({ name: str }),
  rep: z.nullable(z.object({ name: str, title: nullableStr, photoUrl: nullableStr })),
  products: z.array(z.object({ name: str, sku: z.optional(str) })),
  messages: z.array(ThreadMessage),
});

export const MessageCreatedSchema = z.object({ message: ThreadMessage });

export const MeSchema = z.object({
  id: str,
  name: str,
  email: str,
  role: z.enum(ROLES),
  site: z.object({ key: str, name: str }),
});

const InquirySummary = z.object({
  id: str,
  status: z.enum(STATUSES),
  unread: z.boolean(),
  awaitingReply: z.boolean(),
  visitor: z.object({ name: nullableStr, email: str, company: nullableStr, country: nullableStr }),
  product: nullableStr,
  preview: str,
  rep: z.nullable(id),
  createdAt: str,
  lastActivityAt: str,
});

export const InquiryPageSchema = z.object({
  items: z.array(InquirySummary),
  nextCursor: nullableStr,
  unreadCount: z.number(),
});

export const InboxMessageSchema = z.object({
  id: str,
  kind: z.enum(['visitor', 'rep', 'system', 'note']),
  authorName: nullableStr,
  body: str,
  channel: z.enum(['widget', 'email', 'inbox', 'api']),
  createdAt: str,
  attachments: z.array(AttachmentCreatedSchema),
});

export const InquiryDetailSchema = z.object({
  id: str,
  status: z.enum(STATUSES),
  unread: z.boolean(),
  visitor: z.object({
    name: nullableStr,
    email: str,
    company: nullableStr,
    country: nullableStr,
    phone: nullableStr,
  }),
  products: z.array(
    z.object({
      name: str,
      sku: z.optional(str),
      url: z.optional(str),
      image: z.optional(str),
      quantity: z.optional(z.number()),
      unit: z.optional(str),
    }),
  ),
  attachments: z.array(AttachmentCreatedSchema),
  quantity: z.nullable(z.number()),
  unit: nullableStr,
  page: z.object({
    url: nullableStr,
    referrer: nullableStr,
    language: nullableStr,
    timezone: nullableStr,
  }),
  visitorLocalTime: nullableStr,
  assignmentReason: str,
  rep: z.nullable(id),
  createdAt: str,
  messages: z.array(InboxMessageSchema),
});

export const RepOptionsSchema = z.array(z.object({ id: str, name: str, active: z.boolean() }));

/** The `data` of each server-sent event of `GET /api/inbox/events`. */
export const InboxEventSchema = z.object({
  type: z.enum(['inquiry', 'message', 'status']),
  inquiryId: str,
});

export const AdminSiteSchema = z.object({
  retentionDays: z.nullable(z.number()),
  proofOfWork: z.enum(PROOF_OF_WORK),
  id: str,
  key: str,
  name: str,
  allowedOrigins: z.array(str),
  themeColor: nullableStr,
  defaultLanguage: nullableStr,
  replyPromiseHours: z.number(),
  escalationReassign: z.boolean(),
  defaultRepId: nullableStr,
  defaultTeamId: nullableStr,
});

export const AdminRepSchema = z.object({
  id: str,
  name: str,
  title: nullableStr,
  email: str,
  role: z.enum(ROLES),
  handle: str,
  active: z.boolean(),
  profile: RepProfileInput,
});

export const AdminTeamSchema = z.object({
  id: str,
  name: str,
  distribution: z.enum(DISTRIBUTIONS),
  memberIds: z.array(str),
});

export const AdminRuleSchema = z.object({
  id: str,
  name: str,
  match: RuleMatch,
  target: RuleTargetInput,
});

export const AdminStatsSchema = z.object({
  since: str,
  reps: z.array(
    z.object({
      repId: str,
      name: str,
      answered: z.number(),
      total: z.number(),
      medianFirstReplyMinutes: z.nullable(z.number()),
      shareWithin24h: z.nullable(z.number()),
    }),
  ),
  undelivered: z.array(
    z.object({
      id: str,
      kind: str,
      inquiryId: nullableStr,
      attempts: z.number(),
      lastError: nullableStr,
      createdAt: str,
    }),
  ),
});

export const DeletedSchema = z.object({ deleted: z.number() });

/** One visitor's data as a download: their inquiries, each with its whole thread. */
export const VisitorExportSchema = z.object({
  site: str,
  email: str,
  exportedAt: str,
  inquiries: z.array(z.record(str, z.unknown())),
});

// True only when A and B are the same type (not merely assignable one way).
export type Same<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
export type Out<S extends z.ZodMiniType> = z.output<S>;

/** Fails to compile when a schema above and its contract interface part ways. */
export const SCHEMAS_MATCH_CONTRACT: [
  Same<Out<typeof ErrorBodySchema>, ErrorBody>,
  Same<Out<typeof WidgetConfigSchema>, WidgetConfig>,
  Same<Out<typeof ProofOfWorkChallengeSchema>, ProofOfWorkChallenge>,
  Same<Out<typeof InquiryCreatedSchema>, InquiryCreated>,
  Same<Out<typeof AttachmentCreatedSchema>, AttachmentCreated>,
  Same<Out<typeof ConversationSchema>, Conversation>,
  Same<Out<typeof MessageCreatedSchema>, MessageCreated>,
  Same<Out<typeof MeSchema>, Me>,
  Same<Out<typeof InquiryPageSchema>, InquiryPage>,
  Same<Out<typeof InboxMessageSchema>, InboxMessage>,
  Same<Out<typeof InquiryDetailSchema>, InquiryDetail>,
  Same<Out<typeof RepOptionsSchema>, RepOption[]>,
  Same<Out<typeof InboxEventSchema>, InboxEvent>,
  Same<Out<typeof AdminSiteSchema>, AdminSite>,
  Same<Out<typeof AdminRepSchema>, AdminRep>,
  Same<Out<typeof AdminTeamSchema>, AdminTeam>,
  Same<Out<typeof AdminRuleSchema>, AdminRule>,
  Same<Out<typeof AdminStatsSchema>, AdminStats>,
] = [
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
];
