import type { FormTextKey } from './keys';

/**
 * The form's English texts: one flat object, so a new language is one more file with the
 * same keys (keys.ts). `{name}` marks a value filled in by `fill()`. The server sends them; the
 * form module carries none.
 */
export const en = {
  fallbackRecipient: 'Our sales team',
  formTitle: 'Send an inquiry to {name}',
  formTitleNoName: 'Send an inquiry',
  close: 'Close',
  requiredNote: 'Fields marked * are required.',
  name: 'Your name',
  email: 'Email',
  company: 'Company',
  country: 'Country',
  phone: 'Phone / WhatsApp',
  product: 'Product',
  sku: 'SKU {sku}',
  removeProduct: 'Remove product',
  products: 'Products',
  basket: 'Inquiry basket ({count})',
  basketAdded: 'Added to your inquiry basket: {name}',
  quantity: 'Quantity',
  unit: 'Unit',
  message: 'Message',
  messageHint: 'Tell us the specifications, quantity, target price and delivery terms you need.',
  attachments: 'Attachments',
  attachmentsHint: 'Up to {max} files of {size} MB each: images, PDF, Word or Excel.',
  removeFile: 'Remove file',
  'invalid.fileType': '{name}: only images, PDF, Word and Excel files can be sent.',
  'invalid.fileSize': '{name} is larger than {size} MB.',
  'invalid.fileCount': 'Please choose at most {max} files.',
  charCount: '{count} / {max} characters',
  quickQuestions: 'Quick questions',
  'quick.price': 'Price',
  'quick.sample': 'Sample',
  'quick.moq': 'Minimum order',
  'quick.delivery': 'Delivery time',
  'quick.agent': 'Becoming an agent',
  'ask.price': 'What is your best price for this quantity?',
  'ask.sample': 'Can you send a sample first?',
  'ask.moq': 'What is your minimum order quantity?',
  'ask.delivery': 'What is the delivery time?',
  'ask.agent': 'I am interested in becoming your agent in my country.',
  whatsapp: 'Chat on WhatsApp',
  newTab: '(opens in a new tab)',
  send: 'Send inquiry',
  sending: 'Sending…',
  consent: 'By sending, you agree that {site} stores your details to answer your inquiry.',
  consentNoName: 'By sending, you agree that we store your details to answer your inquiry.',
  summaryOne: 'Please correct 1 field.',
  summaryMany: 'Please correct {count} fields.',
  'invalid.email': 'Please enter a valid email address.',
  'invalid.messageShort': 'Please write at least {min} characters so the rep can answer well.',
  'invalid.messageLong': 'Please keep your message under {max} characters.',
  'invalid.quantity': 'Please enter a quantity greater than 0.',
  'invalid.quantityLarge': 'Please enter a smaller quantity.',
  'invalid.tooLong': 'Please shorten this to {max} characters.',
  'invalid.product':
    'This product cannot be attached. Remove it and name the product in your message.',
  'invalid.other': 'Please check this field.',
  sentTitle: 'Your inquiry has been sent to {name}',
  sentReply: 'They usually reply by email to {email}.',
  viewConversation: 'View conversation',
  tryAgain: 'Try again',
  savedOffline:
    'No connection right now. Your inquiry is saved on this device and will be sent automatically.',
  threadTitle: 'Your conversation with {name}',
  threadTitleNoName: 'Your conversation',
  backToConversation: 'Back to your conversation',
  newInquiry: 'New inquiry',
  about: 'About: {products}',
  messages: 'Messages',
  you: 'You',
  update: 'Update',
  loadingThread: 'Loading your conversation…',
  newReply: 'New reply from {name}',
  newReplies: '{count} new replies from {name}',
  reply: 'Your reply',
  replyHint: 'Your reply also reaches {name} by email.',
  sendReply: 'Send',
  'invalid.replyEmpty': 'Please write your reply first.',
  // The codes a visitor can meet; any other shows INTERNAL's text (form/error-text.ts).
  'error.VALIDATION_FAILED': 'Some details could not be accepted. Please check the form.',
  'error.PAYLOAD_TOO_LARGE': 'Your inquiry is too large to send. Please shorten your message.',
  'error.SITE_NOT_FOUND':
    'This contact form is not set up yet. Please contact the company by email or phone.',
  'error.ORIGIN_NOT_ALLOWED':
    'This contact form is not set up yet. Please contact the company by email or phone.',
  'error.NOT_FOUND': 'This contact form is not set up yet. Please contact the company by email.',
  'error.CONVERSATION_NOT_FOUND':
    'This conversation is no longer available. Please send a new inquiry.',
  'error.TOO_MANY_ATTEMPTS': 'Too many attempts. Please wait a few minutes and try again.',
  'error.PROOF_OF_WORK_REQUIRED':
    'We could not send your inquiry just now. Your message is still here: please try again in a minute.',
  'error.INTERNAL':
    'Something went wrong on our side. Your message is still here: please try again shortly.',
  'error.NETWORK':
    'We could not reach the server. Your message is still here: check your connection and try again.',
} as const satisfies Record<FormTextKey, string>;

/** The shape every locale provides: the same keys as English, any wording. */
export type FormTexts = { readonly [K in FormTextKey]: string };
