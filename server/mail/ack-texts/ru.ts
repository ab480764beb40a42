import type { AckTexts } from './index';

/** Russian. */
export const ru: AckTexts = {
  subject: 'Мы получили ваш запрос – {site}',
  greeting: 'Здравствуйте, {name}!',
  greetingNoName: 'Здравствуйте!',
  received: 'Спасибо за ваш запрос{product}.',
  product: ' по «{product}»',
  repAnswers: '{rep} ответит вам.',
  unassigned: 'Наш отдел продаж ответит вам.',
  // After "в течение" the number is genitive: "1 часа", "21 часа", but "2 часов", "24 часов".
  replyWithin: {
    one: 'Вы получите ответ в течение {hours} часа.',
    other: 'Вы получите ответ в течение {hours} часов.',
  },
  // A label rather than "вернётся в ...": the formatted date would need a case and a preposition.
  replyBack: '{rep} сейчас не в офисе. Ожидаемое время возвращения: {when}.',
  localTime: '{time} (по вашему времени)',
  utcTime: '{time} (UTC)',
  yourMessage: 'Ваше сообщение:',
  continue: 'Вы можете ответить на это письмо или продолжить переписку здесь: {url}',
  signature: 'С уважением,\n{site}',
  sentenceGap: ' ',
};
