import { ACK_TEXTS, ackDirFor, ackLangFor, fillAck, type AckTexts, type Lang } from './ack-texts';
import { escapeHtml, isWebUrl } from './html';
import type { RenderedMail } from './rep-notification-mail';

export interface VisitorAckData {
  site: { name: string };
  /** The assigned rep's name; null while nobody is assigned. */
  repName: string | null;
  visitorName: string | null;
  productName: string | null;
  /** The visitor's first message, quoted back to them. */
  message: string;
  /** The page's language tag as the widget saw it ("pt-BR"); English when null or unknown. */
  language: string | null;
  /** The visitor's IANA time zone from their browser; UTC when null or unknown. */
  visitorTimeZone: string | null;
  replyPromiseHours: number;
  /** When the rep is next on duty; null when on duty now or unknown. */
  backAt: Date | null;
  conversationUrl: string;
}

export interface RenderedAck extends RenderedMail {
  lang: Lang;
  dir: 'ltr' | 'rtl';
}

/** How a value and a link are written into the text part and into the HTML part. */
interface Format {
  template(text: string): string;
  value(text: string): string;
  link(url: string): string;
}

const TEXT: Format = {
  template: (text) => text,
  value: inline,
  link: (url) => url,
};

const HTML: Format = {
  template: escapeHtml,
  // <bdi> keeps a Latin name or product from reordering the punctuation of Arabic around it.
  value: (text) => `<bdi>${escapeHtml(inline(text))}</bdi>`,
  link: (url) =>
    isWebUrl(url) ? `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>` : escapeHtml(url),
};

const WHEN: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  hour: 'numeric',
  minute: '2-digit',
};

/** The visitor's acknowledgement, in their language: who answers them, and by when. */
export function renderVisitorAck(data: VisitorAckData): RenderedAck {
  const lang = ackLangFor(data.language);
  const dir = ackDirFor(lang);
  const texts = ACK_TEXTS[lang];
  const subject = inline(fillAck(texts.subject, { site: data.site.name })).slice(0, 200);

  const plain = paragraphs(texts, lang, data, TEXT);
  const text = [
    plain.greeting,
    plain.intro,
    `${texts.yourMessage}\n${quote(data.message)}`,
    plain.more,
    plain.signature,
  ].join('\n\n');

  const { greeting, intro, more, signature } = paragraphs(texts, lang, data, HTML);
  const border = dir === 'rtl' ? 'border-right' : 'border-left';
  const html = `<!doctype html><html dir="${dir}" lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:Arial,sans-serif;color:#1a1a1a;line-height:1.5">
<p>${greeting}</p>
<p>${intro}</p>
<p style="margin-bottom:4px">${escapeHtml(texts.yourMessage)}</p>
<blockquote dir="auto" style="margin:0 0 16px;padding:4px 12px;${border}:3px solid #ccc;color:#444;white-space:pre-wrap">${escapeHtml(data.message)}</blockquote>
<p>${more}</p>
<p>${signature.replaceAll('\n', '<br>')}</p>
</body></html>`;

  return { subject, text, html, lang, dir };
}

interface Paragraphs {
  greeting: string;
  /** Thanks, who answers, and by when. */
  intro: string;
  /** Where to continue the conversation. */
  more: string;
  signature: string;
}

/** The paragraphs around the quoted message, written in `format`. */
function paragraphs(texts: AckTexts, lang: Lang, data: VisitorAckData, format: Format): Paragraphs {
  const put = (template: string, values: Record<string, string>) =>
    fillAck(format.template(template), values);
  const name = data.visitorName?.trim();
  const product = data.productName?.trim();
  const rep = data.repName?.trim();
  const site = format.value(data.site.name);

  const greeting = name
    ? put(texts.greeting, { name: format.value(name) })
    : put(texts.greetingNoName, {});
  const received = put(texts.received, {
    product: product ? put(texts.product, { product: format.value(product) }) : '',
  });
  const who = rep ? put(texts.repAnswers, { rep: format.value(rep) }) : put(texts.unassigned, {});
  // An away rep's return says more than the promise: the site's hours may not hold meanwhile.
  const when =
    rep && data.backAt
      ? put(texts.replyBack, {
          rep: format.value(rep),
          when: whenText(texts, lang, data.backAt, data.visitorTimeZone, format),
        })
      : put(pluralFor(texts.replyWithin, lang, data.replyPromiseHours), {
          hours: format.template(new Intl.NumberFormat(lang).format(data.replyPromiseHours)),
        });

  return {
    greeting,
    intro: [received, who, when].join(texts.sentenceGap),
    more: put(texts.continue, { url: format.link(data.conversationUrl) }),
    signature: put(texts.signature, { site }),
  };
}

function pluralFor(texts: AckTexts['replyWithin'], lang: Lang, count: number): string {
  return texts[new Intl.PluralRules(lang).select(count)] ?? texts.other;
}

/** `at` on the visitor's clock and in their language, or in UTC when their zone is unusable. */
function whenText(
  texts: AckTexts,
  lang: Lang,
  at: Date,
  timeZone: string | null,
  format: Format,
): string {
  const local = timeZone ? localFormat(lang, timeZone) : null;
  const time = (local ?? new Intl.DateTimeFormat(lang, { ...WHEN, timeZone: 'UTC' })).format(at);
  return fillAck(format.template(local ? texts.localTime : texts.utcTime), {
    time: format.value(time),
  });
}

function localFormat(lang: Lang, timeZone: string): Intl.DateTimeFormat | null {
  try {
    return new Intl.DateTimeFormat(lang, { ...WHEN, timeZone });
  } catch (err) {
    // The zone comes from the visitor's browser; Intl rejects an unknown one with a RangeError.
    if (err instanceof RangeError) return null;
    throw err;
  }
}

function quote(message: string): string {
  return message
    .trim()
    .split(/\r?\n/)
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
}

// Names, products and the site name sit inside sentences: a line break there would split one.
function inline(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
