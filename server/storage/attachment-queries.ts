import type { Kysely } from 'kysely';
import type { Database } from './database';

/** A visitor's file as the inbox lists it. */
export interface AttachmentInfo {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}

/** A file with its bytes, as stored and as downloaded. */
export interface StoredAttachment extends AttachmentInfo {
  siteId: string;
  data: Uint8Array;
  createdAt: string;
}

/** A file of an inquiry: its own (`messageId` null), or one a later message brought. */
export interface InquiryFile extends AttachmentInfo {
  messageId: string | null;
}

/** The visitors' files (the Store's part; see domain/attachments.ts). */
export interface AttachmentStore {
  /** Keeps an uploaded file, claimed by no inquiry yet. */
  createAttachment(attachment: StoredAttachment): Promise<void>;
  /** Which of `ids` are files of the site that no inquiry has claimed. */
  unclaimedAttachmentIds(siteId: string, ids: string[]): Promise<string[]>;
  listAttachments(inquiryId: string): Promise<InquiryFile[]>;
  /** One file of an inquiry, bytes and all; null when the inquiry has no such file. */
  findAttachment(inquiryId: string, id: string): Promise<StoredAttachment | null>;
  /** Deletes files no inquiry claimed that were uploaded before `before`; returns how many. */
  deleteUnclaimedAttachments(before: string): Promise<number>;
  /** Bytes of a site's files no inquiry has claimed yet. */
  unclaimedBytes(siteId: string): Promise<number>;
}

const INFO = ['id', 'filename', 'contentType', 'size'] as const;

/** The attachment queries (claiming happens in createInquiry's transaction). */
export function attachmentQueries(db: Kysely<Database>): AttachmentStore {
  return {
    async createAttachment(attachment) {
      await db
        .insertInto('attachments')
        .values({ ...attachment, inquiryId: null, messageId: null })
        .execute();
    },

    async unclaimedAttachmentIds(siteId, ids) {
      if (ids.length === 0) return [];
      const rows = await db
        .selectFrom('attachments')
        .select('id')
        .where('siteId', '=', siteId)
        .where('inquiryId', 'is', null)
        .where('id', 'in', ids)
        .execute();
      return rows.map((r) => r.id);
    },

    async listAttachments(inquiryId) {
      return db
        .selectFrom('attachments')
        .select([...INFO, 'messageId'])
        .where('inquiryId', '=', inquiryId)
        .orderBy('createdAt')
        .orderBy('id')
        .execute();
    },

    async findAttachment(inquiryId, id) {
      const row = await db
        .selectFrom('attachments')
        .select([...INFO, 'siteId', 'data', 'createdAt'])
        .where('inquiryId', '=', inquiryId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ?? null;
    },

    async unclaimedBytes(siteId) {
      // Few rows: what waits for its inquiry, for a day at most (attachments_unclaimed).
      const row = await db
        .selectFrom('attachments')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('size'), eb.lit(0)).as('bytes'))
        .where('inquiryId', 'is', null)
        .where('siteId', '=', siteId)
        .executeTakeFirstOrThrow();
      return Number(row.bytes);
    },

    async deleteUnclaimedAttachments(before) {
      const result = await db
        .deleteFrom('attachments')
        .where('inquiryId', 'is', null)
        .where('createdAt', '<', before)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
