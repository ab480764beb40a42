import { describe, expect, it } from 'vitest';
import { ACK_TEXTS, ackLangFor, type Lang } from './ack-texts';
import { renderVisitorAck, type VisitorAckData } from './visitor-ack-mail';

const URL = 'https://liaison.example/c/a2b3c4d5e6f7g2h3i4j5k6l7m2';
// Monday 2 March 2026, 01:30 UTC: 09:30 in Shanghai, still Sunday 1 March in New York.
const BACK = new Date('2026-03-02T01:30:00Z');

function data(patch: Partial<VisitorAckData> = {}): VisitorAckData {
  return {
    site: { name: 'Acme Pumps' },
    repName: 'Moore Liu',
    visitorName: 'Ana Souza',
    productName: 'CP-200 Pump',
    message: 'Price for 40 units?\nDelivery to Santos.',
    language: 'en',
    visitorTimeZone: 'Asia/Shanghai',
    replyPromiseHours: 24,
    backAt: null,
    conversationUrl: URL,
    ...patch,
  };
}

const LANGS = Object.keys(ACK_TEXTS) as Lang[];

function timeIn(lang: string, timeZone: string): string {
  return new Intl.DateTimeFormat(lang, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
  }).format(BACK);
}

describe('renderVisitorAck', () => {
  it('has at least the twelve languages of the issue', () => {
    const wanted = ['en', 'zh', 'es', 'fr', 'de', 'ru', 'pt', 'ar', 'ja', 'ko', 'it', 'tr'];
    expect(LANGS).toEqual(expect.arrayContaining(wanted));
  });

  describe.each(LANGS)('in %s', (lang) => {
    const texts = ACK_TEXTS[lang];

    it('names the rep and product, promises the reply time and quotes the message', () => {
      const mail = renderVisitorAck(data({ language: lang }));
      expect(mail.lang).toBe(lang);
      for (const part of [mail.text, mail.html]) {
        expect(part).toContain('Moore Liu');
        expect(part).toContain('Ana Souza');
        expect(part).toContain('CP-200 Pump');
        expect(part).toContain('24');
        expect(part).toContain('Price for 40 units?');
        expect(part).toContain('Delivery to Santos.');
        expect(part).toContain(URL);
        expect(part).toContain('Acme Pumps');
        expect(part).not.toMatch(/[{}]/);
      }
      expect(mail.text).toContain('> Price for 40 units?\n> Delivery to Santos.');
      expect(mail.html).toContain(`<a href="${URL}">`);
      expect(mail.subject).toContain('Acme Pumps');
      expect(mail.subject).not.toMatch(/[{}\n]/);
    });

    it('says when an away rep is back instead of the promise', () => {
      const mail = renderVisitorAck(data({ language: lang, backAt: BACK }));
      const when = timeIn(lang, 'Asia/Shanghai');
      expect(mail.text).toContain(when);
      expect(mail.html).toContain(when);
      expect(mail.text).not.toMatch(/[{}]/);
      expect(mail.html).not.toMatch(/[{}]/);
    });

    it('reads without a name, a product or a rep', () => {
      const mail = renderVisitorAck(
        data({ language: lang, visitorName: null, productName: null, repName: null }),
      );
      expect(mail.text.startsWith(texts.greetingNoName)).toBe(true);
      expect(mail.text).toContain(texts.unassigned);
      expect(mail.text).not.toContain('Moore Liu');
      expect(mail.text).toContain('24');
      expect(mail.text).not.toMatch(/[{}]/);
      expect(mail.html).not.toMatch(/[{}]/);
    });
  });

  it('writes Arabic right to left and everything else left to right', () => {
    const arabic = renderVisitorAck(data({ language: 'ar' }));
    expect(arabic.dir).toBe('rtl');
    expect(arabic.html).toContain('<html dir="rtl" lang="ar">');
    const german = renderVisitorAck(data({ language: 'de-AT' }));
    expect(german.dir).toBe('ltr');
    expect(german.html).toContain('<html dir="ltr" lang="de">');
  });

  it('uses the plural each language needs', () => {
    expect(renderVisitorAck(data({ replyPromiseHours: 1 })).text).toContain('within 1 hour.');
    expect(renderVisitorAck(data({ language: 'ru', replyPromiseHours: 21 })).text).toContain(
      '21 часа',
    );
    expect(renderVisitorAck(data({ language: 'ru', replyPromiseHours: 24 })).text).toContain(
      '24 часов',
    );
    expect(renderVisitorAck(data({ language: 'ar', replyPromiseHours: 5 })).text).toContain(
      '5 ساعات',
    );
  });

  it('escapes what the visitor typed in the HTML and keeps it as text', () => {
    const mail = renderVisitorAck(
      data({
        visitorName: '<script>alert(1)</script>',
        productName: '<img src=x onerror=alert(2)>',
        message: '<b>hi</b> & "bye" <script>alert(3)</script>',
        repName: 'Moore <i>Liu</i>',
        site: { name: 'Acme & <Sons>' },
      }),
    );
    expect(mail.html).not.toMatch(/<script|<img|<b>|<i>|<Sons>/i);
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(mail.html).toContain('&lt;b&gt;hi&lt;/b&gt; &amp; &quot;bye&quot;');
    expect(mail.text).toContain('Dear <script>alert(1)</script>,');
    expect(mail.text).toContain('<img src=x onerror=alert(2)>');
    expect(mail.subject).toBe('We received your inquiry – Acme & <Sons>');
  });

  it('keeps the subject on one line', () => {
    const mail = renderVisitorAck(data({ site: { name: 'Acme\r\nBcc: x@example.com' } }));
    expect(mail.subject).toBe('We received your inquiry – Acme Bcc: x@example.com');
  });

  it('does not fill placeholders that the visitor typed', () => {
    const mail = renderVisitorAck(data({ productName: '{rep}', visitorName: '{url}' }));
    expect(mail.text).toContain('Dear {url},');
    expect(mail.text).toContain('about {rep}.');
  });

  it('shows the back time on the visitor clock', () => {
    const shanghai = renderVisitorAck(data({ backAt: BACK, visitorTimeZone: 'Asia/Shanghai' }));
    expect(shanghai.text).toContain('back on Monday, March 2 at 9:30 AM (your time).');
    const newYork = renderVisitorAck(
      data({ backAt: BACK, visitorTimeZone: 'America/New_York', language: 'de-DE' }),
    );
    expect(newYork.text).toContain('ab Sonntag, 1. März um 20:30 (Ihre Ortszeit) wieder');
  });

  it.each([['Mars/Olympus_Mons'], [''], [null]])('falls back to UTC for the zone %j', (zone) => {
    const mail = renderVisitorAck(data({ backAt: BACK, visitorTimeZone: zone }));
    expect(mail.text).toContain(`back on ${timeIn('en', 'UTC')} (UTC).`);
    expect(mail.text).toContain('1:30 AM (UTC)');
  });
});

describe('ackLangFor', () => {
  it.each([
    ['pt-BR', 'pt'],
    ['zh-Hans-CN', 'zh'],
    ['zh-CN', 'zh'],
    ['ZH_cn', 'zh'],
    ['ar-EG', 'ar'],
    ['ja', 'ja'],
    ['sw-KE', 'en'],
    ['x-klingon', 'en'],
    ['', 'en'],
    [null, 'en'],
  ])('picks %j -> %s', (tag, lang) => {
    expect(ackLangFor(tag)).toBe(lang);
  });

  it('renders an unknown tag in English', () => {
    expect(renderVisitorAck(data({ language: 'sw-KE' })).subject).toBe(
      'We received your inquiry – Acme Pumps',
    );
  });
});
