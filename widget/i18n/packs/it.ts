import type { FormTexts } from '../../form/i18n/en';
import type { CardTexts } from '../en';

// Italian: sent with the widget config to pages in this language.

/** The card's and the launcher's texts in Italian. */
export const card: CardTexts = {
  cardHeading: 'Assistenza online',
  cardFallbackName: 'Il nostro team vendite',
  available: 'Online ora',
  away: 'Assente, risponde via email',
  repliesWithin: 'Di solito risponde entro {hours} ore',
  backAt: 'Di nuovo disponibile {when} (ora locale)',
  leaveMessage: 'Lascia un messaggio',
  contactNow: 'Contatta ora',
  launcher: 'Contattaci',
  formFailed: 'Impossibile caricare il modulo. Controlla la connessione e riprova.',
};

/** The form's texts in Italian. */
export const form: FormTexts = {
  fallbackRecipient: 'il nostro team vendite',
  formTitle: 'Invia una richiesta a {name}',
  formTitleNoName: 'Invia una richiesta',
  close: 'Chiudi',
  requiredNote: 'I campi contrassegnati con * sono obbligatori.',
  name: 'Il tuo nome',
  email: 'Email',
  company: 'Azienda',
  country: 'Paese',
  phone: 'Telefono / WhatsApp',
  product: 'Prodotto',
  sku: 'Cod. {sku}',
  removeProduct: 'Rimuovi prodotto',
  products: 'Prodotti',
  basket: 'Cestino richieste ({count})',
  basketAdded: 'Aggiunto al cestino richieste: {name}',
  quantity: 'Quantità',
  unit: 'Unità',
  message: 'Messaggio',
  messageHint:
    'Indicaci specifiche, quantità, prezzo obiettivo e condizioni di consegna di cui hai bisogno.',
  attachments: 'Allegati',
  attachmentsHint: 'Fino a {max} file da {size} MB ciascuno: immagini, PDF, Word o Excel.',
  removeFile: 'Rimuovi file',
  'invalid.fileType': '{name}: si possono inviare solo immagini e file PDF, Word ed Excel.',
  'invalid.fileSize': '{name} supera {size} MB.',
  'invalid.fileCount': 'Scegli al massimo {max} file.',
  charCount: '{count} / {max} caratteri',
  quickQuestions: 'Domande rapide',
  'quick.price': 'Prezzo',
  'quick.sample': 'Campione',
  'quick.moq': 'Ordine minimo',
  'quick.delivery': 'Tempi di consegna',
  'quick.agent': 'Diventare agente',
  'ask.price': 'Qual è il vostro miglior prezzo per questa quantità?',
  'ask.sample': 'Potete inviare prima un campione?',
  'ask.moq': 'Qual è la quantità minima d’ordine?',
  'ask.delivery': 'Quali sono i tempi di consegna?',
  'ask.agent': 'Mi interessa diventare vostro agente nel mio paese.',
  whatsapp: 'Chatta su WhatsApp',
  newTab: '(si apre in una nuova scheda)',
  send: 'Invia richiesta',
  sending: 'Invio in corso…',
  consent: 'Inviando, accetti che {site} conservi i tuoi dati per rispondere alla tua richiesta.',
  consentNoName: 'Inviando, accetti che conserviamo i tuoi dati per rispondere alla tua richiesta.',
  summaryOne: 'Correggi 1 campo.',
  summaryMany: 'Correggi {count} campi.',
  'invalid.email': 'Inserisci un indirizzo email valido.',
  'invalid.messageShort':
    'Scrivi almeno {min} caratteri, così il commerciale può risponderti al meglio.',
  'invalid.messageLong': 'Il messaggio deve restare sotto i {max} caratteri.',
  'invalid.quantity': 'Inserisci una quantità maggiore di 0.',
  'invalid.quantityLarge': 'Inserisci una quantità più piccola.',
  'invalid.tooLong': 'Accorcia a {max} caratteri.',
  'invalid.product':
    'Questo prodotto non può essere allegato. Rimuovilo e indica il prodotto nel messaggio.',
  'invalid.other': 'Controlla questo campo.',
  sentTitle: 'La tua richiesta è stata inviata a {name}',
  sentReply: 'Di solito la risposta arriva via email a {email}.',
  viewConversation: 'Vedi conversazione',
  tryAgain: 'Riprova',
  savedOffline:
    "Al momento non c'è connessione. La tua richiesta è salvata su questo dispositivo e verrà inviata automaticamente.",
  threadTitle: 'La tua conversazione con {name}',
  threadTitleNoName: 'La tua conversazione',
  backToConversation: 'Torna alla conversazione',
  newInquiry: 'Nuova richiesta',
  about: 'Oggetto: {products}',
  messages: 'Messaggi',
  you: 'Tu',
  update: 'Avviso',
  loadingThread: 'Caricamento della conversazione…',
  newReply: 'Nuova risposta da {name}',
  newReplies: '{count} nuove risposte da {name}',
  reply: 'La tua risposta',
  replyHint: 'La tua risposta arriva anche via email a {name}.',
  sendReply: 'Invia',
  'invalid.replyEmpty': 'Scrivi prima la tua risposta.',
  'error.VALIDATION_FAILED': 'Alcuni dati non sono stati accettati. Controlla il modulo.',
  'error.PAYLOAD_TOO_LARGE':
    'La richiesta è troppo grande per essere inviata. Accorcia il messaggio.',
  'error.SITE_NOT_FOUND':
    'Questo modulo di contatto non è ancora configurato. Contatta l’azienda via email o telefono.',
  'error.ORIGIN_NOT_ALLOWED':
    'Questo modulo di contatto non è ancora configurato. Contatta l’azienda via email o telefono.',
  'error.NOT_FOUND':
    'Questo modulo di contatto non è ancora configurato. Contatta l’azienda via email.',
  'error.CONVERSATION_NOT_FOUND':
    'Questa conversazione non è più disponibile. Invia una nuova richiesta.',
  'error.TOO_MANY_ATTEMPTS': 'Troppi tentativi. Attendi qualche minuto e riprova.',
  'error.PROOF_OF_WORK_REQUIRED':
    'Non è stato possibile inviare la richiesta ora. Il messaggio è ancora qui: riprova tra un minuto.',
  'error.INTERNAL':
    'Si è verificato un problema da parte nostra. Il tuo messaggio è ancora qui: riprova tra poco.',
  'error.NETWORK':
    'Impossibile raggiungere il server. Il tuo messaggio è ancora qui: controlla la connessione e riprova.',
};
