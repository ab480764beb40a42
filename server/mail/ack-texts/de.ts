import type { AckTexts } from './index';

/** German. */
export const de: AckTexts = {
  subject: 'Wir haben Ihre Anfrage erhalten – {site}',
  greeting: 'Guten Tag {name},',
  greetingNoName: 'Sehr geehrte Damen und Herren,',
  received: 'Vielen Dank für Ihre Anfrage{product}.',
  product: ' zu {product}',
  repAnswers: '{rep} wird Ihnen antworten.',
  unassigned: 'Unser Vertriebsteam wird Ihnen antworten.',
  replyWithin: {
    one: 'Sie erhalten innerhalb von {hours} Stunde eine Antwort.',
    other: 'Sie erhalten innerhalb von {hours} Stunden eine Antwort.',
  },
  replyBack: '{rep} ist gerade nicht im Büro und ab {when} wieder erreichbar.',
  localTime: '{time} (Ihre Ortszeit)',
  utcTime: '{time} (UTC)',
  yourMessage: 'Ihre Nachricht:',
  continue: 'Sie können auf diese E-Mail antworten oder das Gespräch hier fortsetzen: {url}',
  signature: 'Mit freundlichen Grüßen\n{site}',
  sentenceGap: ' ',
};
