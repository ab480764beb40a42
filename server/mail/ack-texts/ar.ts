import type { AckTexts } from './index';

/** Arabic (Modern Standard), written right to left. */
export const ar: AckTexts = {
  subject: 'استلمنا استفسارك – {site}',
  greeting: 'مرحبًا {name}،',
  greetingNoName: 'مرحبًا،',
  received: 'شكرًا لاستفسارك{product}.',
  product: ' عن «{product}»',
  // "The reply will reach you from {rep}": the verb agrees with "the reply", so it fits a rep of
  // either gender.
  repAnswers: 'سيصلك الرد من {rep}.',
  unassigned: 'سيصلك الرد من فريق المبيعات لدينا.',
  // Arabic counts 1, 2, 3–10 and 11–99 differently; 1 and 2 read best as words.
  replyWithin: {
    one: 'يمكنك توقع الرد خلال ساعة واحدة.',
    two: 'يمكنك توقع الرد خلال ساعتين.',
    few: 'يمكنك توقع الرد خلال {hours} ساعات.',
    many: 'يمكنك توقع الرد خلال {hours} ساعة.',
    other: 'يمكنك توقع الرد خلال {hours} ساعة.',
  },
  replyBack: '{rep} خارج المكتب حاليًا. موعد العودة المتوقع: {when}.',
  localTime: '{time} (بتوقيتك المحلي)',
  utcTime: '{time} (بتوقيت UTC)',
  yourMessage: 'رسالتك:',
  continue: 'يمكنك الرد على هذه الرسالة أو متابعة المحادثة هنا: {url}',
  signature: 'مع أطيب التحيات،\n{site}',
  sentenceGap: ' ',
};
