import type { FormTexts } from '../../form/i18n/en';
import type { CardTexts } from '../en';

// Spanish: sent with the widget config to pages in this language.

/** The card's and the launcher's texts in Spanish. */
export const card: CardTexts = {
  cardHeading: 'Atención en línea',
  cardFallbackName: 'Nuestro equipo de ventas',
  available: 'En línea',
  away: 'Ausente, responde por correo',
  repliesWithin: 'Suele responder en {hours} horas',
  backAt: 'Vuelve el {when} (su hora)',
  leaveMessage: 'Dejar un mensaje',
  contactNow: 'Contactar ahora',
  launcher: 'Contáctenos',
  formFailed: 'No se pudo cargar el formulario. Compruebe su conexión e inténtelo de nuevo.',
};

/** The form's texts in Spanish. */
export const form: FormTexts = {
  fallbackRecipient: 'nuestro equipo de ventas',
  formTitle: 'Enviar una consulta a {name}',
  formTitleNoName: 'Enviar una consulta',
  close: 'Cerrar',
  requiredNote: 'Los campos marcados con * son obligatorios.',
  name: 'Su nombre',
  email: 'Correo electrónico',
  company: 'Empresa',
  country: 'País',
  phone: 'Teléfono / WhatsApp',
  product: 'Producto',
  sku: 'SKU {sku}',
  removeProduct: 'Quitar producto',
  products: 'Productos',
  basket: 'Cesta de consulta ({count})',
  basketAdded: 'Añadido a su cesta de consulta: {name}',
  quantity: 'Cantidad',
  unit: 'Unidad',
  message: 'Mensaje',
  messageHint:
    'Indíquenos las especificaciones, la cantidad, el precio objetivo y las condiciones de entrega que necesita.',
  attachments: 'Archivos adjuntos',
  attachmentsHint: 'Hasta {max} archivos de {size} MB cada uno: imágenes, PDF, Word o Excel.',
  removeFile: 'Quitar archivo',
  'invalid.fileType': '{name}: solo se pueden enviar imágenes y archivos PDF, Word y Excel.',
  'invalid.fileSize': '{name} supera los {size} MB.',
  'invalid.fileCount': 'Elija como máximo {max} archivos.',
  charCount: '{count} / {max} caracteres',
  quickQuestions: 'Preguntas rápidas',
  'quick.price': 'Precio',
  'quick.sample': 'Muestra',
  'quick.moq': 'Pedido mínimo',
  'quick.delivery': 'Plazo de entrega',
  'quick.agent': 'Ser agente',
  'ask.price': '¿Cuál es su mejor precio para esta cantidad?',
  'ask.sample': '¿Pueden enviar primero una muestra?',
  'ask.moq': '¿Cuál es su cantidad mínima de pedido?',
  'ask.delivery': '¿Cuál es el plazo de entrega?',
  'ask.agent': 'Me interesa ser su agente en mi país.',
  whatsapp: 'Chatear por WhatsApp',
  newTab: '(se abre en una pestaña nueva)',
  send: 'Enviar consulta',
  sending: 'Enviando…',
  consent: 'Al enviar, acepta que {site} guarde sus datos para responder a su consulta.',
  consentNoName: 'Al enviar, acepta que guardemos sus datos para responder a su consulta.',
  summaryOne: 'Corrija 1 campo.',
  summaryMany: 'Corrija {count} campos.',
  'invalid.email': 'Introduzca una dirección de correo válida.',
  'invalid.messageShort':
    'Escriba al menos {min} caracteres para que el comercial pueda responderle bien.',
  'invalid.messageLong': 'El mensaje debe tener menos de {max} caracteres.',
  'invalid.quantity': 'Introduzca una cantidad mayor que 0.',
  'invalid.quantityLarge': 'Introduzca una cantidad menor.',
  'invalid.tooLong': 'Acórtelo a {max} caracteres.',
  'invalid.product':
    'Este producto no se puede adjuntar. Quítelo e indique el producto en su mensaje.',
  'invalid.other': 'Revise este campo.',
  sentTitle: 'Su consulta se ha enviado a {name}',
  sentReply: 'La respuesta suele llegar por correo a {email}.',
  viewConversation: 'Ver conversación',
  tryAgain: 'Reintentar',
  savedOffline:
    'Ahora mismo no hay conexión. Su consulta está guardada en este dispositivo y se enviará automáticamente.',
  threadTitle: 'Su conversación con {name}',
  threadTitleNoName: 'Su conversación',
  backToConversation: 'Volver a su conversación',
  newInquiry: 'Nueva consulta',
  about: 'Sobre: {products}',
  messages: 'Mensajes',
  you: 'Usted',
  update: 'Aviso',
  loadingThread: 'Cargando su conversación…',
  newReply: 'Nueva respuesta de {name}',
  newReplies: '{count} respuestas nuevas de {name}',
  reply: 'Su respuesta',
  replyHint: 'Su respuesta también llega a {name} por correo.',
  sendReply: 'Enviar',
  'invalid.replyEmpty': 'Escriba primero su respuesta.',
  'error.VALIDATION_FAILED': 'No se han podido aceptar algunos datos. Revise el formulario.',
  'error.PAYLOAD_TOO_LARGE': 'Su consulta es demasiado grande para enviarla. Acorte el mensaje.',
  'error.SITE_NOT_FOUND':
    'Este formulario de contacto aún no está configurado. Contacte con la empresa por correo o por teléfono.',
  'error.ORIGIN_NOT_ALLOWED':
    'Este formulario de contacto aún no está configurado. Contacte con la empresa por correo o por teléfono.',
  'error.NOT_FOUND':
    'Este formulario de contacto aún no está configurado. Contacte con la empresa por correo.',
  'error.CONVERSATION_NOT_FOUND':
    'Esta conversación ya no está disponible. Envíe una nueva consulta.',
  'error.TOO_MANY_ATTEMPTS': 'Demasiados intentos. Espere unos minutos y vuelva a intentarlo.',
  'error.PROOF_OF_WORK_REQUIRED':
    'No pudimos enviar su consulta ahora. Su mensaje sigue aquí: inténtelo de nuevo en un minuto.',
  'error.INTERNAL':
    'Algo ha fallado por nuestra parte. Su mensaje sigue aquí: inténtelo de nuevo en un momento.',
  'error.NETWORK':
    'No pudimos conectar con el servidor. Su mensaje sigue aquí: revise su conexión e inténtelo de nuevo.',
};
