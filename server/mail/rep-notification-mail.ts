import type { AttachmentInfo } from '../storage/attachment-queries';
import type { Inquiry, Message, Rep, Site } from '../storage/store';
import { escapeHtml, isWebUrl } from './html';
import { formatLocalTime } from './local-time';

export interface RepNotificationData {
  site: Site;
  rep: Rep;
  inquiry: Inquiry;
  message: Message;
  /** A visitor's follow-up rather than the inquiry's first message. */
  followUp: boolean;
  /** The inquiry in the web inbox. */
  threadUrl: string;
  /** The visitor's files: named here, downloaded in the inbox (never attached to mail). */
  attachments?: AttachmentInfo[];
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

interface Row {
  label: string;
  value: string;
  /** Rendered as a link in HTML when it is an http(s) URL. */
  link?: string;
}

/** The mail that tells a rep about a visitor's message: every field, in text and escaped HTML. */
export function renderRepNotification({
  site,
  inquiry,
  message,
  followUp,
  threadUrl,
  attachments = [],
}: RepNotificationData): RenderedMail {
  const rows = inquiryRows(inquiry, attachments);
  const [product, ...more] = inquiry.products;
  const topic = product
    ? `${product.name}${more.length > 0 ? ` and ${more.length} more` : ''}`
    : firstWords(message.body, 8);
  const subject = oneLine(`${followUp ? 'Re: ' : ''}[${site.name}] New inquiry: ${topic}`);
  const from = inquiry.visitor.name ?? inquiry.visitor.email;
  const intro = followUp
    ? `${from} wrote again about their inquiry on ${site.name}. Reply to this mail to answer them.`
    : `${from} sent an inquiry on ${site.name}. Reply to this mail to answer them.`;

  const text = [
    intro,
    '',
    ...rows.map((r) => `${r.label}: ${r.value}`),
    '',
    'Message:',
    message.body,
    '',
    `Open it in the inbox: ${threadUrl}`,
    `(${inquiry.assignmentReason})`,
  ].join('\n');

  const html = `<!doctype html><html><body style="font-family:Arial,sans-serif;color:#1a1a1a">
<p>${escapeHtml(intro)}</p>
<table cellpadding="4" style="border-collapse:collapse">
${rows.map(rowHtml).join('\n')}
</table>
<h3 style="margin:16px 0 4px">Message</h3>
<p style="white-space:pre-wrap;margin:0">${escapeHtml(message.body)}</p>
<p><a href="${escapeHtml(threadUrl)}">Open it in the inbox</a></p>
<p style="color:#666;font-size:12px">${escapeHtml(inquiry.assignmentReason)}</p>
</body></html>`;

  return { subject, text, html };
}

function inquiryRows(inquiry: Inquiry, attachments: AttachmentInfo[]): Row[] {
  const { visitor, page } = inquiry;
  const rows: Array<Row | null> = [
    row('Name', visitor.name),
    row('Email', visitor.email),
    row('Company', visitor.company),
    row('Country', visitor.country),
    row('Phone / WhatsApp', visitor.phone),
    ...inquiry.products.map((p) => ({
      label: 'Product',
      value: [p.name, p.sku && `SKU ${p.sku}`, amount(p.quantity, p.unit), p.url]
        .filter(Boolean)
        .join(' · '),
      ...(p.url && { link: p.url }),
    })),
    row('Quantity', amount(inquiry.quantity, inquiry.unit)),
    row(
      'Attachments',
      attachments.length > 0
        ? `${attachments.map((a) => a.filename).join(', ')} (download in the inbox)`
        : null,
    ),
    page.url ? { label: 'Page', value: page.url, link: page.url } : null,
    row('Referrer', page.referrer),
    row('Language', page.language),
    row(
      'Visitor local time',
      page.timezone && formatLocalTime(new Date(inquiry.createdAt), page.timezone),
    ),
    row('Received', `${inquiry.createdAt.slice(0, 16).replace('T', ' ')} UTC`),
  ];
  return rows.filter((r): r is Row => r !== null);
}

function row(label: string, value: string | null | undefined): Row | null {
  return value ? { label, value } : null;
}

function rowHtml({ label, value, link }: Row): string {
  const shown = escapeHtml(value);
  const cell = link && isWebUrl(link) ? `<a href="${escapeHtml(link)}">${shown}</a>` : shown;
  return `<tr><th align="left" style="color:#555;font-weight:normal">${escapeHtml(label)}</th><td>${cell}</td></tr>`;
}

function firstWords(text: string, count: number): string {
  const words = text.trim().split(/\s+/);
  return words.length > count ? `${words.slice(0, count).join(' ')}…` : words.join(' ');
}

// Subjects are one line; nodemailer would encode a break, but it would still read oddly.
function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').slice(0, 200);
}

/** "200 sets", "200"; null when no quantity was given. */
function amount(quantity: number | null | undefined, unit: string | null | undefined) {
  return quantity === null || quantity === undefined ? null : `${quantity} ${unit ?? ''}`.trim();
}
