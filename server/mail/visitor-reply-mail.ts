import type { Inquiry, Message, Rep, Site } from '../storage/store';
import { escapeHtml } from './html';
import type { RenderedMail } from './rep-notification-mail';

export interface VisitorReplyData {
  site: Site;
  rep: Rep;
  inquiry: Inquiry;
  message: Message;
  /** The signed link that reopens the conversation in the browser. */
  conversationUrl: string;
}

/** The mail that carries a rep's reply to the visitor. */
export function renderVisitorReply({
  site,
  rep,
  inquiry,
  message,
  conversationUrl,
}: VisitorReplyData): RenderedMail {
  const topic = inquiry.products[0]?.name ?? 'your inquiry';
  const subject = `Re: ${topic} (${site.name})`.replace(/[\r\n\t]+/g, ' ').slice(0, 200);
  const signature = [rep.name, rep.title, site.name].filter(Boolean).join('\n');
  const text = [
    message.body,
    '',
    '-- ',
    signature,
    '',
    `Reply to this mail, or continue the conversation here: ${conversationUrl}`,
  ].join('\n');
  const html = `<!doctype html><html><body style="font-family:Arial,sans-serif;color:#1a1a1a">
<p style="white-space:pre-wrap">${escapeHtml(message.body)}</p>
<p style="white-space:pre-wrap;color:#555">-- \n${escapeHtml(signature)}</p>
<p><a href="${escapeHtml(conversationUrl)}">Continue the conversation</a> or simply reply to this mail.</p>
</body></html>`;
  return { subject, text, html };
}
