import type { AckTexts } from './index';

/** French. */
export const fr: AckTexts = {
  subject: 'Nous avons bien reçu votre demande – {site}',
  greeting: 'Bonjour {name},',
  greetingNoName: 'Bonjour,',
  received: 'Merci pour votre demande{product}.',
  product: ' concernant {product}',
  repAnswers: '{rep} vous répondra.',
  unassigned: 'Notre équipe commerciale vous répondra.',
  // CLDR puts 0 and 1 in "one" for French: "sous 1 heure", "sous 24 heures".
  replyWithin: {
    one: 'Vous recevrez une réponse sous {hours} heure.',
    other: 'Vous recevrez une réponse sous {hours} heures.',
  },
  replyBack: "{rep} n'est pas au bureau en ce moment et sera de retour le {when}.",
  localTime: '{time} (votre heure locale)',
  utcTime: '{time} (UTC)',
  yourMessage: 'Votre message :',
  continue: 'Vous pouvez répondre à cet e-mail ou poursuivre la conversation ici : {url}',
  signature: 'Cordialement,\n{site}',
  sentenceGap: ' ',
};
