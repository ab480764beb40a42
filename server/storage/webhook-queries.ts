import type { Kysely, Selectable } from 'kysely';
import type { WebhookEvent, WebhookFormat } from '../../contract';
import type { Database, WebhooksTable } from './database';

/** Where a site's events are POSTed, in which format, signed with which secret. */
export interface Webhook {
  id: string;
  siteId: string;
  url: string;
  format: WebhookFormat;
  events: WebhookEvent[];
  /** The Standard Webhooks secret, `whsec_` and base64 (presets do not use it). */
  secret: string;
  active: boolean;
  createdAt: string;
}

/** The webhooks (the Store's part; see domain/webhooks-admin.ts and domain/webhook-events.ts). */
export interface WebhookStore {
  /** The site's webhooks, oldest first. */
  listWebhooks(siteId: string): Promise<Webhook[]>;
  /** The site's active webhooks: those an event may be sent to. */
  activeWebhooks(siteId: string): Promise<Webhook[]>;
  findWebhook(id: string): Promise<Webhook | null>;
  createWebhook(webhook: Webhook): Promise<void>;
  updateWebhook(
    id: string,
    patch: Partial<Pick<Webhook, 'url' | 'format' | 'events' | 'secret' | 'active'>>,
  ): Promise<void>;
  deleteWebhook(id: string): Promise<void>;
}

function toWebhook(row: Selectable<WebhooksTable>): Webhook {
  return {
    id: row.id,
    siteId: row.siteId,
    url: row.url,
    format: row.format as WebhookFormat,
    events: JSON.parse(row.events) as WebhookEvent[],
    secret: row.secret,
    active: row.active === 1,
    createdAt: row.createdAt,
  };
}

/** The webhook queries. */
export function webhookQueries(db: Kysely<Database>): WebhookStore {
  const ofSite = (siteId: string) =>
    db
      .selectFrom('webhooks')
      .selectAll()
      .where('siteId', '=', siteId)
      .orderBy('createdAt')
      .orderBy('id');
  return {
    async listWebhooks(siteId) {
      return (await ofSite(siteId).execute()).map(toWebhook);
    },

    async activeWebhooks(siteId) {
      return (await ofSite(siteId).where('active', '=', 1).execute()).map(toWebhook);
    },

    async findWebhook(id) {
      const row = await db
        .selectFrom('webhooks')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toWebhook(row) : null;
    },

    async createWebhook(webhook) {
      await db
        .insertInto('webhooks')
        .values({
          ...webhook,
          events: JSON.stringify(webhook.events),
          active: webhook.active ? 1 : 0,
        })
        .execute();
    },

    async updateWebhook(id, { events, active, ...rest }) {
      const values = {
        ...rest,
        ...(events !== undefined && { events: JSON.stringify(events) }),
        ...(active !== undefined && { active: active ? 1 : 0 }),
      };
      if (Object.keys(values).length === 0) return;
      await db.updateTable('webhooks').set(values).where('id', '=', id).execute();
    },

    async deleteWebhook(id) {
      await db.deleteFrom('webhooks').where('id', '=', id).execute();
    },
  };
}
