import type { AckTexts } from './index';

/** Portuguese, worded to read naturally in Brazil and in Portugal. */
export const pt: AckTexts = {
  subject: 'Recebemos a sua consulta – {site}',
  greeting: 'Olá, {name},',
  greetingNoName: 'Olá,',
  received: 'Agradecemos a sua consulta{product}.',
  product: ' sobre {product}',
  repAnswers: '{rep} responderá à sua mensagem.',
  unassigned: 'Nossa equipe comercial responderá à sua mensagem.',
  replyWithin: {
    one: 'Responderemos em até {hours} hora.',
    other: 'Responderemos em até {hours} horas.',
  },
  // A label rather than "volta na ...": the formatted date would need an article.
  replyBack: '{rep} está fora do escritório no momento. Retorno previsto: {when}.',
  localTime: '{time} (seu horário local)',
  utcTime: '{time} (UTC)',
  yourMessage: 'Sua mensagem:',
  continue: 'Você pode responder a este e-mail ou continuar a conversa aqui: {url}',
  signature: 'Atenciosamente,\n{site}',
  sentenceGap: ' ',
};
