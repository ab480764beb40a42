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

// RFC 3676 §4.3's signature separator, "-- " with its space: a signature always follows it.
const SIGNATURE = /^-- $/;
// A line of two to four dashes without that space (or of _, + or =, which email-reply-parser
// also takes for a signature separator, hiding everything below): people type it as one, and
// as a separator in a list or between paragraphs. It begins a signature only when it is the
// only such line and what follows it, up to any quoted history, reads like one: at most
// SIGNATURE_LINES lines and SIGNATURE_CHARS characters, no prose among them (isProse).
const BARE_SEPARATOR = /^(-{2,4}|_{2,4}|\+{2,4}|={2,4})$/;
const SIGNATURE_LINES = 6;
const SIGNATURE_CHARS = 300;
// A question or exclamation, a Chinese sentence's end or comma: never in a name or an address.
const PROSE_MARK = /[?!？！。]$|[，；]/;
// A word in small letters only ("please", "quote", "and"): names, titles, companies, phone
// numbers and addresses are capitalised, or are no such word (an email address, a URL).
const SMALL_WORD = /^\p{Ll}{2,}$/u;
// Appended to a bare separator kept as text, so that email-reply-parser does not cut there;
// removed again from its output. U+2060 WORD JOINER: invisible, and not \s, so not trimmed.
const KEEP = '\u2060';

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
  const own = lines.slice(0, historyStart(lines)).map(keepSeparator).join('\n');
  const parsed = new EmailReplyParser().parseReply(own).split('\n');
  const kept = parsed.slice(0, historyStart(parsed)).filter((line) => !QUOTED_LINE.test(line));
  return tidy(kept.map((line) => (line.endsWith(KEEP) ? line.slice(0, -KEEP.length) : line)));
}

// The index of the first line of quoted history or signature; lines.length if there is none.
function historyStart(lines: readonly string[]): number {
  const end = quoteOrSignatureStart(lines);
  // A bare separator begins a signature only as the one such line before it (BARE_SEPARATOR).
  const separators: number[] = [];
  for (let i = 0; i < end; i++) if (BARE_SEPARATOR.test(clean(lines[i]))) separators.push(i);
  const [only] = separators;
  if (separators.length !== 1 || only === undefined) return end;
  return isSignature(lines.slice(only + 1, end)) ? only : end;
}

// The first line of quoted history or of a "-- " signature; lines.length if there is none.
function quoteOrSignatureStart(lines: readonly string[]): number {
  for (let i = 0; i < lines.length; i++) {
    if (SIGNATURE.test(lines[i] ?? '')) return i;
    const line = clean(lines[i]);
    if (SEPARATOR.test(line)) return i;
    if (isAttribution(line)) return i;
    // Gmail and Apple Mail wrap a long attribution over two lines.
    if (i + 1 < lines.length && isAttribution(`${line} ${clean(lines[i + 1])}`)) return i;
    if (HEADER_FROM.test(line) && isHeaderBlock(lines, i)) return i;
  }
  return lines.length;
}

// Whether the lines after a bare separator read like a signature: few, short, no prose.
function isSignature(lines: readonly string[]): boolean {
  const text = lines.map(clean).filter((line) => line !== '' && !QUOTED_LINE.test(line));
  return (
    text.length <= SIGNATURE_LINES &&
    text.join('\n').length <= SIGNATURE_CHARS &&
    !text.some(isProse)
  );
}

// A line of a message rather than of a signature: a question, or two words in small letters
// ("Please quote FOB and CIF."; "Head of purchasing" counts too, and is kept: keeping a
// signature costs a few lines, cutting a message loses what the buyer asked).
function isProse(line: string): boolean {
  if (PROSE_MARK.test(line)) return true;
  const words = line.split(/\s+/).map((word) => word.replace(/^\p{P}+|\p{P}+$/gu, ''));
  return words.filter((word) => SMALL_WORD.test(word)).length >= 2;
}

// A bare separator line (kept, as historyStart found no signature there) marked for the parser.
function keepSeparator(line: string): string {
  const text = clean(line);
  return BARE_SEPARATOR.test(text) ? `${text}${KEEP}` : line;
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
