import { UNCLAIMED_MS } from './attachments';
import type { Store } from '../storage/store';

/** Closed inquiries deleted per site in one retention run; the next run takes the rest. */
const PURGE_BATCH = 500;

/** Everything stored about one visitor email on a site, for them to have (GDPR art. 15/20). */
export interface VisitorExport {
  site: string;
  email: string;
  exportedAt: string;
  inquiries: Array<Record<string, unknown> & { messages: Array<Record<string, unknown>> }>;
}

/**
 * Every inquiry of `email` on the site with its whole thread, notes included, and its files,
 * their bytes in base64 (`contentBase64`): the visitor's own, and those mailed with a message
 * (`messageId`). As pieces of JSON text (a `VisitorExport` once joined), an inquiry and then a
 * file at a time: a visitor's files may come to hundreds of MB, more than one string holds.
 */
export async function* visitorExport(
  store: Store,
  site: { id: string; key: string },
  email: string,
  now: Date,
): AsyncGenerator<string> {
  const head = { site: site.key, email, exportedAt: now.toISOString() };
  yield `${JSON.stringify(head).slice(0, -1)},"inquiries":[`;
  let first = true;
  for (const id of await store.inquiryIdsOfVisitor(site.id, visitorKey(email))) {
    const inquiry = await store.findInquiry(id);
    if (!inquiry) continue;
    const [messages, files] = await Promise.all([
      store.listMessages(id),
      store.listAttachments(id),
    ]);
    const whole = JSON.stringify({ ...inquiry, messages });
    yield `${first ? '' : ','}${whole.slice(0, -1)},"attachments":[`;
    first = false;
    for (const [i, file] of files.entries()) {
      const stored = await store.findAttachment(id, file.id);
      const contentBase64 = Buffer.from(stored?.data ?? []).toString('base64');
      yield `${i === 0 ? '' : ','}${JSON.stringify({ ...file, contentBase64 })}`;
    }
    yield ']}';
  }
  yield ']}';
}

/** How many inquiries of `email` the site holds. */
export async function countVisitorInquiries(
  store: Store,
  siteId: string,
  email: string,
): Promise<number> {
  return (await store.inquiryIdsOfVisitor(siteId, visitorKey(email))).length;
}

const visitorKey = (email: string) => email.toLowerCase().trim();

/** Deletes every inquiry of `email` on the site and all that hangs on them; returns how many. */
export async function deleteVisitor(store: Store, siteId: string, email: string): Promise<number> {
  const ids = await store.inquiryIdsOfVisitor(siteId, visitorKey(email));
  await store.deleteInquiries(ids);
  return ids.length;
}

const DAY_MS = 86_400_000;
/** How long an Idempotency-Key answers with its first result (see purgeExpired). */
const IDEMPOTENCY_DAYS = 90;

/**
 * Deletes closed and spam inquiries past each site's retention period (by their last activity
 * and their last change), with
 * their messages, tokens and deliveries. Sites without a period keep everything. Also forgets
 * unclaimed uploads, expired sessions, old counters and Idempotency-Keys. Returns how many
 * inquiries it deleted.
 */
export async function purgeExpired(store: Store, now: Date): Promise<number> {
  let deleted = 0;
  // A site whose purge fails does not keep the others, nor the rest below, from theirs; the
  // first failure is thrown at the end, to be reported.
  let failure: unknown = null;
  for (const site of await store.listSites()) {
    const days = (await store.findSiteSettings(site.id))?.retentionDays;
    if (!days) continue;
    const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString();
    try {
      deleted += await store.purgeSettledBefore(site.id, cutoff, PURGE_BATCH);
    } catch (err) {
      failure ??= err;
    }
  }
  // Files uploaded for an inquiry that was never sent.
  await store.deleteUnclaimedAttachments(new Date(now.getTime() - UNCLAIMED_MS).toISOString());
  // Expired sessions and links, counters whose windows are long over, and Idempotency-Keys
  // after 90 days (a retry comes within minutes, or when a visitor whose answer was lost comes
  // back, maybe weeks later: the widget keeps an unsent inquiry across visits, and sends it
  // again under its key).
  const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
  await store.forgetExpired(now.toISOString(), ago(DAY_MS), ago(IDEMPOTENCY_DAYS * DAY_MS));
  if (failure) throw failure;
  return deleted;
}
