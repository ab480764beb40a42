import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { visibleReply } from './strip-quoted';

const lines = (...l: string[]) => l.join('\n');

describe('visibleReply', () => {
  it('strips a Gmail reply: attribution and > quotes', () => {
    const text = lines(
      'Yes, 500 pieces by June works for us.',
      '',
      'Anna',
      '',
      'On Mon, Jun 3, 2024 at 10:02 AM Moore Liu <moore@acme.example> wrote:',
      '',
      '> Hello Anna,',
      '> can you confirm the quantity?',
      '>',
      '> Moore',
    );
    expect(visibleReply(text)).toBe('Yes, 500 pieces by June works for us.\n\nAnna');
  });

  it('strips a Gmail attribution wrapped over two lines', () => {
    const text = lines(
      'Confirmed, thank you.',
      '',
      'On Mon, Jun 3, 2024 at 10:02 AM Moore Liu from Acme Industrial Supplies <',
      'moore.liu@acme-industrial.example> wrote:',
      '',
      '> Hello Anna,',
    );
    expect(visibleReply(text)).toBe('Confirmed, thank you.');
  });

  it('strips an Outlook reply: -----Original Message----- and the header block', () => {
    const text = lines(
      'Please send the quote in EUR.',
      '',
      'Anna Li',
      'Purchasing',
      '',
      '-----Original Message-----',
      'From: Moore Liu <moore@acme.example>',
      'Sent: Monday, June 3, 2024 10:02 AM',
      'To: Anna Li <anna@example.com>',
      'Subject: Your inquiry',
      '',
      'Hello Anna,',
      'can you confirm the quantity?',
    );
    expect(visibleReply(text)).toBe('Please send the quote in EUR.\n\nAnna Li\nPurchasing');
  });

  it('strips an Outlook header block without addresses, under its rule line', () => {
    const text = lines(
      'Sounds good, go ahead.',
      '',
      '________________________________',
      'From: Moore Liu',
      'Sent: Monday, June 3, 2024 10:02:11 AM',
      'To: Anna Li',
      'Subject: Your inquiry',
      '',
      'Hello Anna,',
    );
    expect(visibleReply(text)).toBe('Sounds good, go ahead.');
  });

  it('strips an Apple Mail reply from an iPhone', () => {
    const text = lines(
      "Thanks, I'll check with the team and come back tomorrow.",
      '',
      'Sent from my iPhone',
      '',
      '> On 3 Jun 2024, at 10:02, Moore Liu <moore@acme.example> wrote:',
      '> ',
      '> Hello Anna,',
      '> can you confirm the quantity?',
    );
    expect(visibleReply(text)).toBe("Thanks, I'll check with the team and come back tomorrow.");
  });

  it('strips an Apple Mail attribution that is not quoted itself', () => {
    const text = lines(
      'Friday works.',
      '',
      'On 3. Jun 2024, at 10:02, Moore Liu <moore@acme.example> wrote:',
      '',
      'Hello Anna, does Friday work?',
    );
    expect(visibleReply(text)).toBe('Friday works.');
  });

  it('strips a top-posted reply with a "-- " signature', () => {
    const text = lines(
      'Hi Moore,',
      '',
      'we need 2 pallets, delivered to Hamburg.',
      '',
      '-- ',
      'Anna Li',
      'Purchasing, Example GmbH',
      '+49 40 1234567',
      '',
      'Moore Liu wrote on 3 June:',
      'Hello Anna, how many pallets?',
    );
    expect(visibleReply(text)).toBe('Hi Moore,\n\nwe need 2 pallets, delivered to Hamburg.');
  });

  it('keeps what follows a bare -- used as a separator in the message', () => {
    // A buyer's list: a second separator is no signature's.
    const list = lines(
      'We need three items:',
      '--',
      '500 pcs LED panel 60x60',
      '--',
      '200 pcs driver 40 W',
      '---',
      '50 pcs ceiling frame',
    );
    expect(visibleReply(list)).toBe(list);
    // Two paragraphs of a quote request: the second is prose, no signature.
    const paragraphs = lines(
      'Hello, we are interested in your LED panels.',
      '--',
      'Please quote 500 pcs delivered to Hamburg.',
    );
    expect(visibleReply(paragraphs)).toBe(paragraphs);
    expect(visibleReply('Hello,\n--\nPlease quote FOB and CIF.')).toBe(
      'Hello,\n--\nPlease quote FOB and CIF.',
    );
    expect(visibleReply('您好\n--\n请按500件报价，谢谢')).toBe('您好\n--\n请按500件报价，谢谢');
    // Also when the second part is long, and when a quote follows it.
    const long = lines(
      'Our requirements:',
      '--',
      ...Array.from({ length: 8 }, (_, i) => `Item ${i + 1}: 100 pcs, 220 V, white`),
      '',
      'On Mon, Jun 3, 2024 at 10:02 AM Moore Liu <moore@acme.example> wrote:',
      '> Which items?',
    );
    expect(visibleReply(long)).toBe(long.split('\n').slice(0, 10).join('\n'));
  });

  it('cuts at a bare -- that begins a short signature', () => {
    const text = lines(
      'Yes, 500 pieces by June.',
      '',
      '--',
      'Anna Li',
      'Purchasing, Example Trading Co., Ltd.',
      '+49 40 1234567',
      '',
      'On Mon, Jun 3, 2024 at 10:02 AM Moore Liu <moore@acme.example> wrote:',
      '> Hello Anna,',
    );
    expect(visibleReply(text)).toBe('Yes, 500 pieces by June.');
    expect(visibleReply('Thanks!\n--\nAnna')).toBe('Thanks!');
    expect(visibleReply('好的\n--\n李安娜\n上海某某照明有限公司\n电话 021-12345678')).toBe('好的');
    expect(visibleReply('Thanks!\n--')).toBe('Thanks!');
  });

  it('always cuts at the standard "-- " delimiter, whatever follows', () => {
    const text = lines(
      'Confirmed.',
      '-- ',
      'Anna Li, Example GmbH.',
      'This message and its attachments are confidential. If you are not the intended recipient, ' +
        'please tell the sender and delete it. Any use of it by others is not allowed.',
    );
    expect(visibleReply(text)).toBe('Confirmed.');
  });

  it('strips a Chinese client: 在 … 写道：', () => {
    const text = lines(
      '在吗？好的，请按500件报价，谢谢。',
      '',
      '在 2024年6月3日 星期一 10:02，Moore Liu <moore@acme.example> 写道：',
      '> Hello Anna,',
      '> can you confirm the quantity?',
    );
    expect(visibleReply(text)).toBe('在吗？好的，请按500件报价，谢谢。');
  });

  it('strips a Chinese Gmail attribution and a QQ Mail original-message block', () => {
    const gmail = lines(
      '收到，谢谢。',
      '',
      'Moore Liu <moore@acme.example> 于2024年6月3日周一 10:02写道：',
      '',
      '> Hello Anna,',
    );
    expect(visibleReply(gmail)).toBe('收到，谢谢。');
    const qq = lines(
      '请发PDF报价单。',
      '',
      '------------------ 原始邮件 ------------------',
      '发件人: "Moore Liu"<moore@acme.example>;',
      '发送时间: 2024年6月3日(星期一) 上午10:02',
      '收件人: "Anna"<anna@example.com>;',
      '主题: Your inquiry',
      '',
      'Hello Anna,',
    );
    expect(visibleReply(qq)).toBe('请发PDF报价单。');
    // Outlook in Traditional Chinese, without a rule line above its header block.
    const tw = lines(
      '請寄PDF報價單。',
      '',
      '寄件者: Moore Liu <moore@acme.example>',
      '寄件日期: 2024年6月3日 上午 10:02',
      '收件者: Anna <anna@example.com>',
      '主旨: Your inquiry',
      '',
      'Hello Anna,',
    );
    expect(visibleReply(tw)).toBe('請寄PDF報價單。');
  });

  it('strips German and French attributions', () => {
    const de = lines(
      'Passt, danke.',
      '',
      'Am Mo., 3. Juni 2024 um 10:02 Uhr schrieb Moore Liu <moore@acme.example>:',
      '',
      '> Hallo Anna,',
    );
    expect(visibleReply(de)).toBe('Passt, danke.');
    const fr = lines(
      "C'est parfait.",
      '',
      'Le lun. 3 juin 2024 à 10:02, Moore Liu <moore@acme.example> a\u00a0écrit\u00a0:',
      '',
      '> Bonjour Anna,',
    );
    expect(visibleReply(fr)).toBe("C'est parfait.");
  });

  it('keeps the answers of an inline reply and drops the quoted lines', () => {
    const text = lines(
      '> Which quantity do you need?',
      '500 pieces.',
      '',
      '> And the delivery date?',
      'End of June.',
    );
    // email-reply-parser folds the blank line into the quoted fragment it hides.
    expect(visibleReply(text)).toBe('500 pieces.\nEnd of June.');
  });

  it('keeps a plain message whole, and text that only looks like history', () => {
    expect(
      visibleReply('  Hello,\r\n\r\nOn Monday we can talk.\r\nAs I wrote: 500 pieces.\r\n'),
    ).toBe('Hello,\n\nOn Monday we can talk.\nAs I wrote: 500 pieces.');
  });

  it('keeps order details that look like one header line', () => {
    const text = lines('Please ship:', 'From: Hamburg', 'Date: 3 June', '', 'Anna');
    expect(visibleReply(text)).toBe(text);
    const route = lines(
      'Shipping details below.',
      'From: Hamburg port',
      'To: Shanghai',
      'Date: end of June',
      'Please quote CIF.',
    );
    expect(visibleReply(route)).toBe(route);
  });

  it('returns an empty string when only history is left', () => {
    expect(
      visibleReply('\n\nOn Mon, Jun 3, 2024 at 10:02 AM Moore <m@a.example> wrote:\n> Hello'),
    ).toBe('');
  });

  it('strips HTML-only mail that mailparser turned into text', async () => {
    const gmail = await simpleParser(
      mime(
        '<div dir="ltr">Yes, 500 pieces <b>by June</b> works for us.<div><br></div><div>Anna</div></div><br>' +
          '<div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, Jun 3, 2024 at 10:02 AM ' +
          'Moore Liu &lt;moore@acme.example&gt; wrote:<br></div><blockquote class="gmail_quote">' +
          'Hello Anna,<br>can you confirm the quantity?<br></blockquote></div>',
      ),
    );
    expect(visibleReply(gmail.text ?? '')).toBe('Yes, 500 pieces by June works for us.\n\nAnna');

    const outlook = await simpleParser(
      mime(
        '<html><body><div class="WordSection1"><p class="MsoNormal">Please send the quote in EUR.</p>' +
          '<p class="MsoNormal">&nbsp;</p><div style="border-top:solid #E1E1E1 1.0pt">' +
          '<p class="MsoNormal"><b>From:</b> Moore Liu &lt;moore@acme.example&gt;<br><b>Sent:</b> Monday, ' +
          'June 3, 2024 10:02 AM<br><b>To:</b> Anna Li<br><b>Subject:</b> Your inquiry</p></div>' +
          '<p class="MsoNormal">Hello Anna,</p></div></body></html>',
      ),
    );
    expect(visibleReply(outlook.text ?? '')).toBe('Please send the quote in EUR.');
  });
});

function mime(html: string): string {
  return lines(
    'From: Anna Li <anna@example.com>',
    'Subject: Re: Your inquiry',
    'MIME-Version: 1.0',
    'Content-Type: text/html; charset=utf-8',
    '',
    html,
  );
}
