import type { AckTexts } from './index';

/** Turkish. */
export const tr: AckTexts = {
  subject: 'Talebinizi aldık – {site}',
  greeting: 'Sayın {name},',
  greetingNoName: 'Merhaba,',
  // "Thank you for contacting us (about X)": the product goes mid-sentence, so the sentence
  // starts with the same capital either way.
  received: 'Bize{product} ulaştığınız için teşekkür ederiz.',
  product: ' {product} hakkında',
  repAnswers: '{rep} size yanıt verecektir.',
  unassigned: 'Satış ekibimiz size yanıt verecektir.',
  replyWithin: { other: '{hours} saat içinde yanıt alacaksınız.' },
  // A label rather than a sentence: the formatted date would need a suffix.
  replyBack: '{rep} şu anda ofis dışında. Dönüş zamanı: {when}.',
  localTime: '{time} (yerel saatinizle)',
  utcTime: '{time} (UTC)',
  yourMessage: 'Mesajınız:',
  continue: 'Bu e-postayı yanıtlayabilir veya görüşmeye buradan devam edebilirsiniz: {url}',
  signature: 'Saygılarımızla,\n{site}',
  sentenceGap: ' ',
};
