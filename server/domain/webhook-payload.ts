import type { Status } from '../../contract';
import type { Inquiry, Rep, Store } from '../storage/store';
import type { Webhook } from '../storage/webhook-queries';
import { TEST_EVENT, type WebhookFact } from './webhook-events';

/** A rep as a webhook names them. */
export interface WebhookRep {
  id: string;
  name: string;
  email: string;
}

/**
 * The Standard Webhooks payload (`format: 'standard'`). Deliberately small: who and what, and
 * where to read the rest (the inbox link). Never the visitor's email, phone or words, nor any
 * conversation token: a webhook leaves Liaison for systems its admins chose, chat tools too.
 */
export interface WebhookPayload {
  type: WebhookFact['type'];
  /** When the event happened. */
  timestamp: string;
  data: {
    siteKey: string;
    inquiry?: {
      id: string;
      /** The inquiry in the inbox (sign-in needed). */
      url: string;
      status: Status;
      createdAt: string;
      visitor: { name: string | null; company: string | null; country: string | null };
      products: Array<{ name: string; sku: string | null; quantity: number | null }>;
      rep: WebhookRep | null;
    };
    /** message.created: whose message, through which channel. */
    message?: { id: string; author: 'visitor' | 'rep'; channel: string; rep: WebhookRep | null };
    /** inquiry.status_changed */
    previousStatus?: Status;
    /** inquiry.assigned: null when it came from the unassigned queue. */
    previousRep?: WebhookRep | null;
  };
}

const repOf = (rep: Rep | null): WebhookRep | null =>
  rep ? { id: rep.id, name: rep.name, email: rep.email } : null;

/** The payload of one event; null when its inquiry is gone (deleted since). */
export async function buildPayload(
  { store, publicUrl }: { store: Store; publicUrl: string },
  siteKey: string,
  fact: WebhookFact,
): Promise<WebhookPayload | null> {
  if (fact.type === TEST_EVENT || !fact.inquiryId) {
    return { type: fact.type, timestamp: fact.at, data: { siteKey } };
  }
  const inquiry = await store.findInquiry(fact.inquiryId);
  if (!inquiry) return null;
  const findRep = async (id: string | null | undefined) =>
    repOf(id ? await store.findRep(id) : null);
  const repId = fact.repId === undefined ? inquiry.repId : fact.repId;
  const data: WebhookPayload['data'] = {
    siteKey,
    inquiry: {
      id: inquiry.id,
      url: inquiryUrl(publicUrl, inquiry),
      status: fact.status ?? inquiry.status,
      createdAt: inquiry.createdAt,
      visitor: {
        name: inquiry.visitor.name,
        company: inquiry.visitor.company,
        country: inquiry.visitor.country,
      },
      products: inquiry.products.map((p) => ({
        name: p.name,
        sku: p.sku ?? null,
        quantity: p.quantity ?? null,
      })),
      rep: await findRep(repId),
    },
  };
  if (fact.type === 'message.created' && fact.messageId && fact.author) {
    data.message = {
      id: fact.messageId,
      author: fact.author,
      channel: fact.channel ?? 'inbox',
      rep: await findRep(fact.authorRepId),
    };
  }
  if (fact.type === 'inquiry.status_changed' && fact.previousStatus) {
    data.previousStatus = fact.previousStatus;
  }
  if (fact.type === 'inquiry.assigned') data.previousRep = await findRep(fact.previousRepId);
  return { type: fact.type, timestamp: fact.at, data };
}

function inquiryUrl(publicUrl: string, inquiry: Inquiry): string {
  return `${publicUrl}/inbox/inquiries/${encodeURIComponent(inquiry.id)}`;
}

/** The most of one visitor-given value a chat line quotes, in characters. */
const QUOTED_MAX = 80;
const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * A value as one short run of text: a visitor's line breaks (or any run of white space) become
 * one space, so a name cannot start a line of its own that reads as Liaison's.
 */
function quoted(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  // Cut between characters as a reader sees them (graphemes), not UTF-16 units or code points:
  // half an emoji, a family or a flag would show broken in the chat tool.
  const line = [...GRAPHEMES.segment(value.replace(/\s+/g, ' ').trim())].map((g) => g.segment);
  return line.length > QUOTED_MAX ? `${line.slice(0, QUOTED_MAX - 1).join('')}…` : line.join('');
}

/** One line a person reads in a chat tool, with the link to the inquiry. */
export function summaryLine(payload: WebhookPayload): string {
  const { inquiry, message } = payload.data;
  if (!inquiry) return `[Liaison] Test event for site ${payload.data.siteKey}: this webhook works.`;
  const v = inquiry.visitor;
  const about = [quoted(v.company), quoted(v.country)].filter(Boolean);
  const from = `${quoted(v.name) ?? 'a visitor'}${about.length > 0 ? ` (${about.join(', ')})` : ''}`;
  const product = quoted(inquiry.products[0]?.name);
  const more = inquiry.products.length > 1 ? ` and ${inquiry.products.length - 1} more` : '';
  const what: Record<WebhookPayload['type'], string> = {
    'inquiry.created': `New inquiry from ${from}${product ? ` about ${product}${more}` : ''}, ${
      inquiry.rep ? `for ${inquiry.rep.name}` : 'waiting in the unassigned queue'
    }`,
    'message.created':
      message?.author === 'rep'
        ? `${message.rep?.name ?? 'A rep'} replied to ${from}`
        : `New message from ${from}`,
    'inquiry.status_changed': `Inquiry from ${from} is now ${inquiry.status}${
      payload.data.previousStatus ? ` (was ${payload.data.previousStatus})` : ''
    }`,
    'inquiry.assigned': `Inquiry from ${from} assigned to ${inquiry.rep?.name ?? 'nobody'}`,
    [TEST_EVENT]: 'Test event',
  };
  return `[Liaison] ${what[payload.type]}: ${inquiry.url}`;
}

// Slack reads <...> as links and mentions (<!channel>): a visitor's name must not make one.
// https://api.slack.com/reference/surfaces/formatting#escaping
const slackEscape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The body to POST in the webhook's format. */
export function renderBody(format: Webhook['format'], payload: WebhookPayload): string {
  if (format === 'standard') return JSON.stringify(payload);
  const text = summaryLine(payload);
  if (format === 'slack') return JSON.stringify({ text: slackEscape(text) });
  // WeCom (企业微信) group robots and DingTalk (钉钉) custom robots take the same text message.
  return JSON.stringify({ msgtype: 'text', text: { content: text } });
}
