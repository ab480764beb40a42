import * as z from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import {
  InquiryInput,
  InquiryUpdate,
  LinkRequest,
  LinkSignIn,
  MessageInput,
  PasswordSignIn,
  RepInput,
  ReplyInput,
  RulesInput,
  SiteSettingsInput,
  TeamInput,
  WebhookInput,
} from '../../contract';
import * as R from './openapi-responses';
import * as W from './openapi-webhook-responses';

/** Named schemas: they become `components.schemas`, and operations refer to them by name. */
export const SCHEMAS = {
  ErrorBody: R.ErrorBodySchema,
  InquiryInput,
  MessageInput,
  PasswordSignIn,
  LinkRequest,
  LinkSignIn,
  ReplyInput,
  InquiryUpdate,
  SiteSettingsInput,
  RepInput,
  TeamInput,
  RulesInput,
  WebhookInput,
  WidgetConfig: R.WidgetConfigSchema,
  ProofOfWorkChallenge: R.ProofOfWorkChallengeSchema,
  InquiryCreated: R.InquiryCreatedSchema,
  AttachmentCreated: R.AttachmentCreatedSchema,
  Conversation: R.ConversationSchema,
  MessageCreated: R.MessageCreatedSchema,
  Me: R.MeSchema,
  InquiryPage: R.InquiryPageSchema,
  InquiryDetail: R.InquiryDetailSchema,
  InboxMessage: R.InboxMessageSchema,
  RepOptions: R.RepOptionsSchema,
  InboxEvent: R.InboxEventSchema,
  AdminSite: R.AdminSiteSchema,
  AdminRep: R.AdminRepSchema,
  AdminReps: z.array(R.AdminRepSchema),
  AdminTeam: R.AdminTeamSchema,
  AdminTeams: z.array(R.AdminTeamSchema),
  AdminRules: z.array(R.AdminRuleSchema),
  AdminStats: R.AdminStatsSchema,
  VisitorExport: R.VisitorExportSchema,
  Deleted: R.DeletedSchema,
  AdminWebhook: W.AdminWebhookSchema,
  AdminWebhooks: z.array(W.AdminWebhookSchema),
  AdminWebhookSecret: W.AdminWebhookSecretSchema,
  WebhookTestQueued: W.WebhookTestQueuedSchema,
} satisfies Record<string, $ZodType>;

export type SchemaName = keyof typeof SCHEMAS;
