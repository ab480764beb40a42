import EmailReplyParser from 'email-reply-parser';

// Where quoted history starts, for the clients email-reply-parser misses. Each must contain a
// digit (every client writes the date), so that a sentence like "As Anna wrote:" is kept.
const ATTRIBUTIONS = [
  /^On\s.+\swrote:$/, // Gmail, Apple Mail: On <date>, <name> <address> wrote:
  /^Am\s.+\sschrieb\b.*:$/, // German: Am <date> schrieb <name>:
  /^Le\s.+\sa\s+écrit\s*:$/, // French: Le <date>, <name> a écrit :
  /^.{0,200}(写道|寫道)\s*[:：]$/, // Chinese: 在 <date>，<name> 写道： / <name> 于<date>写道：
];

// "-----Original Message-----" and its translations, Outlook's rule line, QQ Mail's banner.
const SEPARATOR =
  /^(-{2,}\s*(original message|ursprüngliche nachricht|message d'origine|mensaje original|原始邮件|原始郵件)\s*-{2,}|_{20,})$/i;

// RFC 3676 §4.3 signature separator "-- " (trimmed here), also written without the space.
const SIGNATURE = /^--$/;

// Outlook's header block: From: then, within a few lines, Sent:/Date:, To: and Subject:. Asking
// for all four keeps a reply that lists "From: Hamburg / To: Shanghai / Date: end of June" as
// shipping details. Labels are bolded as *From:* when the mail was HTML.
const HEADER_FROM = /^\*?(from|von|de|van|da|发件人|寄件者)\*?\s*[:：]/i;
const HEADER_SENT =
  /^\*?(sent|date|gesendet|datum|envoyé|enviado|inviato|verzonden|发送时间|日期|寄件日期)\*?\s*[:：]/i;
const HEADER_TO = /^\*?(to|an|à|para|a|aan|收件人|收件者)\*?\s*[:：]/i;
const HEADER_SUBJECT = /^\*?(subject|betreff|objet|asunto|oggetto|onderwerp|主题|主旨)\*?\s*[:：]/i;
const HEADER_REACH = 5;

const QUOTED_LINE = /^\s*>/;

/** The new part of a plain-text reply, without quoted history and signature, trimmed. */
export function visibleReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  // Cutting before the parser leaves it no history to misread: its Chinese header pattern
  // spans lines, so a reply starting with 在 would be glued to a later 写道： line.
  const own = lines.slice(0, historyStart(lines)).join('\n');
  const parsed = new EmailReplyParser().parseReply(own).split('\n');
  const kept = parsed.slice(0, historyStart(parsed)).filter((line) => !QUOTED_LINE.test(line));
  return tidy(kept);
}

// The index of the first line of quoted history or signature; lines.length if there is none.
function historyStart(lines: readonly string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = clean(lines[i]);
    if (SEPARATOR.test(line) || SIGNATURE.test(line)) return i;
    if (isAttribution(line)) return i;
    // Gmail and Apple Mail wrap a long attribution over two lines.
    if (i + 1 < lines.length && isAttribution(`${line} ${clean(lines[i + 1])}`)) return i;
    if (HEADER_FROM.test(line) && isHeaderBlock(lines, i)) return i;
  }
  return lines.length;
}

function isAttribution(line: string): boolean {
  return /\d/.test(line) && ATTRIBUTIONS.some((pattern) => pattern.test(line));
}

function isHeaderBlock(lines: readonly string[], from: number): boolean {
  const next = lines.slice(from + 1, from + 1 + HEADER_REACH).map(clean);
  return [HEADER_SENT, HEADER_TO, HEADER_SUBJECT].every((label) => next.some((l) => label.test(l)));
}

// Trims spaces, including the non-breaking ones HTML mail turns into (\s covers U+00A0).
function clean(line: string | undefined): string {
  return (line ?? '').trim();
}

function tidy(lines: readonly string[]): string {
  return lines
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
