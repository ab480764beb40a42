import type { FormTexts } from '../../form/i18n/en';
import type { CardTexts } from '../en';

// German: sent with the widget config to pages in this language.

/** The card's and the launcher's texts in German. */
export const card: CardTexts = {
  cardHeading: 'Online-Service',
  cardFallbackName: 'Unser Vertriebsteam',
  available: 'Jetzt online',
  away: 'Abwesend, antwortet per E-Mail',
  repliesWithin: 'Antwortet meist innerhalb von {hours} Stunden',
  backAt: 'Wieder da: {when} (Ihre Zeit)',
  leaveMessage: 'Nachricht hinterlassen',
  contactNow: 'Jetzt kontaktieren',
  launcher: 'Kontakt',
  formFailed:
    'Das Formular konnte nicht geladen werden. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
};

/** The form's texts in German. */
export const form: FormTexts = {
  fallbackRecipient: 'unser Vertriebsteam',
  formTitle: 'Anfrage an {name} senden',
  formTitleNoName: 'Anfrage senden',
  close: 'Schließen',
  requiredNote: 'Mit * markierte Felder sind Pflichtfelder.',
  name: 'Ihr Name',
  email: 'E-Mail',
  company: 'Firma',
  country: 'Land',
  phone: 'Telefon / WhatsApp',
  product: 'Produkt',
  sku: 'Art.-Nr. {sku}',
  removeProduct: 'Produkt entfernen',
  products: 'Produkte',
  basket: 'Anfragekorb ({count})',
  basketAdded: 'Zum Anfragekorb hinzugefügt: {name}',
  quantity: 'Menge',
  unit: 'Einheit',
  message: 'Nachricht',
  messageHint: 'Nennen Sie uns Spezifikationen, Menge, Zielpreis und gewünschte Lieferbedingungen.',
  attachments: 'Anhänge',
  attachmentsHint: 'Bis zu {max} Dateien mit je {size} MB: Bilder, PDF, Word oder Excel.',
  removeFile: 'Datei entfernen',
  'invalid.fileType':
    '{name}: Es können nur Bilder sowie PDF-, Word- und Excel-Dateien gesendet werden.',
  'invalid.fileSize': '{name} ist größer als {size} MB.',
  'invalid.fileCount': 'Bitte wählen Sie höchstens {max} Dateien.',
  charCount: '{count} / {max} Zeichen',
  quickQuestions: 'Schnellfragen',
  'quick.price': 'Preis',
  'quick.sample': 'Muster',
  'quick.moq': 'Mindestmenge',
  'quick.delivery': 'Lieferzeit',
  'quick.agent': 'Vertreter werden',
  'ask.price': 'Was ist Ihr bester Preis für diese Menge?',
  'ask.sample': 'Können Sie zuerst ein Muster schicken?',
  'ask.moq': 'Wie hoch ist Ihre Mindestbestellmenge?',
  'ask.delivery': 'Wie lang ist die Lieferzeit?',
  'ask.agent': 'Ich möchte gern Ihr Vertreter in meinem Land werden.',
  whatsapp: 'Per WhatsApp chatten',
  newTab: '(öffnet in einem neuen Tab)',
  send: 'Anfrage senden',
  sending: 'Wird gesendet…',
  consent:
    'Mit dem Absenden stimmen Sie zu, dass {site} Ihre Angaben speichert, um Ihre Anfrage zu beantworten.',
  consentNoName:
    'Mit dem Absenden stimmen Sie zu, dass wir Ihre Angaben speichern, um Ihre Anfrage zu beantworten.',
  summaryOne: 'Bitte korrigieren Sie 1 Feld.',
  summaryMany: 'Bitte korrigieren Sie {count} Felder.',
  'invalid.email': 'Bitte geben Sie eine gültige E-Mail-Adresse ein.',
  'invalid.messageShort':
    'Bitte schreiben Sie mindestens {min} Zeichen, damit wir Ihnen gut antworten können.',
  'invalid.messageLong': 'Bitte halten Sie Ihre Nachricht unter {max} Zeichen.',
  'invalid.quantity': 'Bitte geben Sie eine Menge größer als 0 ein.',
  'invalid.quantityLarge': 'Bitte geben Sie eine kleinere Menge ein.',
  'invalid.tooLong': 'Bitte kürzen Sie auf {max} Zeichen.',
  'invalid.product':
    'Dieses Produkt kann nicht angehängt werden. Entfernen Sie es und nennen Sie das Produkt in Ihrer Nachricht.',
  'invalid.other': 'Bitte prüfen Sie dieses Feld.',
  sentTitle: 'Ihre Anfrage wurde an {name} gesendet',
  sentReply: 'Die Antwort kommt meist per E-Mail an {email}.',
  viewConversation: 'Unterhaltung ansehen',
  tryAgain: 'Erneut versuchen',
  savedOffline:
    'Gerade keine Verbindung. Ihre Anfrage ist auf diesem Gerät gespeichert und wird automatisch gesendet.',
  threadTitle: 'Ihre Unterhaltung mit {name}',
  threadTitleNoName: 'Ihre Unterhaltung',
  backToConversation: 'Zurück zu Ihrer Unterhaltung',
  newInquiry: 'Neue Anfrage',
  about: 'Betreff: {products}',
  messages: 'Nachrichten',
  you: 'Sie',
  update: 'Hinweis',
  loadingThread: 'Ihre Unterhaltung wird geladen…',
  newReply: 'Neue Antwort von {name}',
  newReplies: '{count} neue Antworten von {name}',
  reply: 'Ihre Antwort',
  replyHint: 'Ihre Antwort erreicht {name} auch per E-Mail.',
  sendReply: 'Senden',
  'invalid.replyEmpty': 'Bitte schreiben Sie zuerst Ihre Antwort.',
  'error.VALIDATION_FAILED':
    'Einige Angaben wurden nicht angenommen. Bitte prüfen Sie das Formular.',
  'error.PAYLOAD_TOO_LARGE':
    'Ihre Anfrage ist zu groß zum Senden. Bitte kürzen Sie Ihre Nachricht.',
  'error.SITE_NOT_FOUND':
    'Dieses Kontaktformular ist noch nicht eingerichtet. Bitte kontaktieren Sie die Firma per E-Mail oder Telefon.',
  'error.ORIGIN_NOT_ALLOWED':
    'Dieses Kontaktformular ist noch nicht eingerichtet. Bitte kontaktieren Sie die Firma per E-Mail oder Telefon.',
  'error.NOT_FOUND':
    'Dieses Kontaktformular ist noch nicht eingerichtet. Bitte kontaktieren Sie die Firma per E-Mail.',
  'error.CONVERSATION_NOT_FOUND':
    'Diese Unterhaltung ist nicht mehr verfügbar. Bitte senden Sie eine neue Anfrage.',
  'error.TOO_MANY_ATTEMPTS':
    'Zu viele Versuche. Bitte warten Sie einige Minuten und versuchen Sie es erneut.',
  'error.PROOF_OF_WORK_REQUIRED':
    'Ihre Anfrage konnte gerade nicht gesendet werden. Ihre Nachricht ist noch hier: Bitte versuchen Sie es in einer Minute erneut.',
  'error.INTERNAL':
    'Bei uns ist etwas schiefgelaufen. Ihre Nachricht ist noch da: Bitte versuchen Sie es gleich noch einmal.',
  'error.NETWORK':
    'Der Server ist nicht erreichbar. Ihre Nachricht ist noch da: Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  basketFull: 'Ihr Anfragekorb ist voll: Eine Anfrage kann bis zu {max} Produkte enthalten.',
  'unit.pieces': 'Stück',
  'unit.sets': 'Sätze',
  'unit.pairs': 'Paar',
  'unit.meters': 'Meter',
  'unit.square meters': 'Quadratmeter',
  'unit.kg': 'kg',
  'unit.tons': 'Tonnen',
  'unit.liters': 'Liter',
  'unit.cartons': 'Kartons',
  'unit.boxes': 'Schachteln',
  'unit.bags': 'Säcke',
  'unit.rolls': 'Rollen',
  'unit.containers': 'Container',
  'invalid.quantityFormat': 'Bitte geben Sie die Menge als Zahl ein, z. B. 250 oder 2,5.',
};
