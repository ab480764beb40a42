import type { AckTexts } from './index';

/** English. */
export const en: AckTexts = {
  subject: 'We received your inquiry – {site}',
  greeting: 'Dear {name},',
  greetingNoName: 'Hello,',
  received: 'Thank you for your inquiry{product}.',
  product: ' about {product}',
  repAnswers: '{rep} will answer you.',
  unassigned: 'Our sales team will answer you.',
  replyWithin: {
    one: 'You can expect a reply within {hours} hour.',
    other: 'You can expect a reply within {hours} hours.',
  },
  replyBack: '{rep} is out of the office now and will be back on {when}.',
  localTime: '{time} (your time)',
  utcTime: '{time} (UTC)',
  yourMessage: 'Your message:',
  continue: 'You can reply to this mail or continue the conversation here: {url}',
  signature: 'Kind regards,\n{site}',
  sentenceGap: ' ',
};
