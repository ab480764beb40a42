import type { AckTexts } from './index';

/** Italian. */
export const it: AckTexts = {
  subject: 'Abbiamo ricevuto la sua richiesta – {site}',
  greeting: 'Gentile {name},',
  greetingNoName: 'Buongiorno,',
  received: 'Grazie per la sua richiesta{product}.',
  product: ' relativa a {product}',
  repAnswers: '{rep} le risponderà.',
  unassigned: 'Il nostro team commerciale le risponderà.',
  replyWithin: {
    one: 'Riceverà una risposta entro {hours} ora.',
    other: 'Riceverà una risposta entro {hours} ore.',
  },
  replyBack: '{rep} è fuori ufficio e rientrerà {when}.',
  localTime: '{time} (ora locale)',
  utcTime: '{time} (UTC)',
  yourMessage: 'Il suo messaggio:',
  continue: 'Può rispondere a questa e-mail o continuare la conversazione qui: {url}',
  signature: 'Cordiali saluti,\n{site}',
  sentenceGap: ' ',
};
