import * as z from 'zod/mini';
import {
  type AdminWebhook,
  type AdminWebhookSecret,
  WEBHOOK_EVENTS,
  WEBHOOK_FORMATS,
  type WebhookTestQueued,
} from '../../contract';
import type { Out, Same } from './openapi-responses';

// The webhook answers of the admin API, for the OpenAPI document (see openapi-responses.ts).

export const AdminWebhookSchema = z.object({
  id: z.string(),
  url: z.string(),
  format: z.enum(WEBHOOK_FORMATS),
  events: z.array(z.enum(WEBHOOK_EVENTS)),
  active: z.boolean(),
  signed: z.boolean(),
  createdAt: z.string(),
});

export const AdminWebhookSecretSchema = z.object({
  webhook: AdminWebhookSchema,
  secret: z.string(),
});

export const WebhookTestQueuedSchema = z.object({ deliveryId: z.string() });

/** Fails to compile when a schema above and its contract interface part ways. */
export const WEBHOOK_SCHEMAS_MATCH_CONTRACT: [
  Same<Out<typeof AdminWebhookSchema>, AdminWebhook>,
  Same<Out<typeof AdminWebhookSecretSchema>, AdminWebhookSecret>,
  Same<Out<typeof WebhookTestQueuedSchema>, WebhookTestQueued>,
] = [true, true, true];
