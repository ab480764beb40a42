import type { AckTexts } from './index';

/** Japanese. */
export const ja: AckTexts = {
  subject: 'お問い合わせを受け付けました – {site}',
  greeting: '{name} 様',
  greetingNoName: 'お客様',
  received: '{product}お問い合わせいただき、ありがとうございます。',
  product: '「{product}」について',
  repAnswers: '担当の{rep}よりご連絡いたします。',
  unassigned: '営業担当よりご連絡いたします。',
  replyWithin: { other: '{hours}時間以内にご返信いたします。' },
  replyBack: '{rep}は現在不在にしております。{when}に戻る予定です。',
  localTime: '{time}（お客様の現地時間）',
  utcTime: '{time}（UTC）',
  yourMessage: 'お問い合わせ内容：',
  continue: 'このメールに返信いただくか、こちらから引き続きやり取りいただけます：{url}',
  signature: '今後ともよろしくお願いいたします。\n{site}',
  sentenceGap: '',
};
