import type { Kysely, Selectable } from 'kysely';
import type { Database, DeliveriesTable, InquiriesTable, RepsTable, SitesTable } from './database';
import type {
  AuthorKind,
  Delivery,
  DeliveryState,
  Inquiry,
  InquiryStatus,
  Message,
  Product,
  Rep,
  Site,
  Store,
} from './store';

/** The Store on any Kysely dialect; the dialect factory alone knows the engine. */
export function createKyselyStore(db: Kysely<Database>): Store {
  return {
    async findSite(id) {
      const row = await db.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toSite(row) : null;
    },

    async findSiteByKey(key) {
      const row = await db
        .selectFrom('sites')
        .selectAll()
        .where('key', '=', key)
        .executeTakeFirst();
      return row ? toSite(row) : null;
    },

    async findRep(id) {
      const row = await db.selectFrom('reps').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toRep(row) : null;
    },

    async findRepByHandle(siteId, handle) {
      const row = await db
        .selectFrom('reps')
        .selectAll()
        .where('siteId', '=', siteId)
        .where('handle', '=', handle)
        .executeTakeFirst();
      return row ? toRep(row) : null;
    },

    async countSites() {
      const row = await db
        .selectFrom('sites')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async createSite(site) {
      await db
        .insertInto('sites')
        .values({
          id: site.id,
          key: site.key,
          name: site.name,
          allowedOrigins: JSON.stringify(site.allowedOrigins),
          defaultRepId: null,
          createdAt: new Date().toISOString(),
        })
        .execute();
    },

    async createRep(rep) {
      await db
        .insertInto('reps')
        .values({ ...rep, active: rep.active ? 1 : 0, createdAt: new Date().toISOString() })
        .execute();
    },

    async setDefaultRep(siteId, repId) {
      await db.updateTable('sites').set({ defaultRepId: repId }).where('id', '=', siteId).execute();
    },

    async createInquiry(inquiry, message, deliveries) {
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('inquiries').values(fromInquiry(inquiry)).execute();
        await trx.insertInto('messages').values(message).execute();
        for (const d of deliveries) {
          await trx
            .insertInto('deliveries')
            .values({
              id: d.id,
              kind: d.kind,
              payload: JSON.stringify(d.payload),
              dedupeKey: d.dedupeKey,
              state: 'pending',
              nextAttemptAt: inquiry.createdAt,
              lastError: null,
              createdAt: inquiry.createdAt,
              sentAt: null,
            })
            .execute();
        }
      });
    },

    async findInquiry(id) {
      const row = await db
        .selectFrom('inquiries')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toInquiry(row) : null;
    },

    async listMessages(inquiryId) {
      const rows = await db
        .selectFrom('messages')
        .selectAll()
        .where('inquiryId', '=', inquiryId)
        .orderBy('createdAt')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({ ...r, authorKind: r.authorKind as AuthorKind }));
    },

    async dueDeliveries(now, limit) {
      const rows = await db
        .selectFrom('deliveries')
        .selectAll()
        .where('state', '=', 'pending')
        .where('nextAttemptAt', '<=', now)
        .orderBy('nextAttemptAt')
        .limit(limit)
        .execute();
      return rows.map(toDelivery);
    },

    async claimDelivery(delivery, leaseUntil) {
      // Optimistic claim: only the caller that still sees the row as it was read wins it.
      const result = await db
        .updateTable('deliveries')
        .set((eb) => ({ attempts: eb('attempts', '+', 1), nextAttemptAt: leaseUntil }))
        .where('id', '=', delivery.id)
        .where('state', '=', 'pending')
        .where('nextAttemptAt', '=', delivery.nextAttemptAt)
        .executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },

    async markDeliverySent(id, at) {
      await db
        .updateTable('deliveries')
        .set({ state: 'sent', sentAt: at, lastError: null })
        .where('id', '=', id)
        .execute();
    },

    async markDeliveryAttemptFailed(id, error, retryAt) {
      await db
        .updateTable('deliveries')
        .set(
          retryAt === null
            ? { state: 'failed', lastError: error }
            : { nextAttemptAt: retryAt, lastError: error },
        )
        .where('id', '=', id)
        .where('state', '=', 'pending')
        .execute();
    },

    async countDeliveries(state) {
      const row = await db
        .selectFrom('deliveries')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('state', '=', state)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async findDelivery(id) {
      const row = await db
        .selectFrom('deliveries')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toDelivery(row) : null;
    },
  };
}

function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

function toSite(row: Selectable<SitesTable>): Site {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    allowedOrigins: parseJson<string[]>(row.allowedOrigins),
    defaultRepId: row.defaultRepId,
  };
}

function toRep(row: Selectable<RepsTable>): Rep {
  return {
    id: row.id,
    siteId: row.siteId,
    handle: row.handle,
    name: row.name,
    title: row.title,
    photoUrl: row.photoUrl,
    email: row.email,
    active: row.active === 1,
  };
}

function toDelivery(row: Selectable<DeliveriesTable>): Delivery {
  return {
    id: row.id,
    kind: row.kind,
    payload: parseJson<Record<string, unknown>>(row.payload),
    dedupeKey: row.dedupeKey,
    state: row.state as DeliveryState,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    lastError: row.lastError,
  };
}

function fromInquiry(i: Inquiry): InquiriesTable {
  return {
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
    createdAt: i.createdAt,
    updatedAt: i.createdAt,
  };
}

function toInquiry(row: Selectable<InquiriesTable>): Inquiry {
  return {
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
    createdAt: row.createdAt,
  };
}
