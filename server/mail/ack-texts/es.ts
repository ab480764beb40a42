import type { AckTexts } from './index';

/** Spanish. */
export const es: AckTexts = {
  subject: 'Hemos recibido su consulta – {site}',
  greeting: 'Estimado/a {name}:',
  greetingNoName: 'Buenos días:',
  received: 'Gracias por su consulta{product}.',
  product: ' sobre {product}',
  repAnswers: '{rep} le responderá.',
  unassigned: 'Nuestro equipo comercial le responderá.',
  replyWithin: {
    one: 'Recibirá una respuesta en un plazo de {hours} hora.',
    other: 'Recibirá una respuesta en un plazo de {hours} horas.',
  },
  replyBack: '{rep} está fuera de la oficina y volverá el {when}.',
  localTime: '{time} (su hora local)',
  utcTime: '{time} (UTC)',
  yourMessage: 'Su mensaje:',
  continue: 'Puede responder a este correo o continuar la conversación aquí: {url}',
  signature: 'Atentamente,\n{site}',
  sentenceGap: ' ',
};
