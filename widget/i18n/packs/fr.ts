import type { FormTexts } from '../../form/i18n/en';
import type { CardTexts } from '../en';

// French: sent with the widget config to pages in this language.

/** The card's and the launcher's texts in French. */
export const card: CardTexts = {
  cardHeading: 'Service en ligne',
  cardFallbackName: 'Notre équipe commerciale',
  available: 'En ligne',
  away: 'Absent, répond par e-mail',
  repliesWithin: 'Répond généralement sous {hours} heures',
  backAt: 'De retour {when} (votre heure)',
  leaveMessage: 'Laisser un message',
  contactNow: 'Contacter',
  launcher: 'Nous contacter',
  formFailed: 'Le formulaire n’a pas pu être chargé. Vérifiez votre connexion et réessayez.',
};

/** The form's texts in French. */
export const form: FormTexts = {
  fallbackRecipient: 'notre équipe commerciale',
  formTitle: 'Envoyer une demande à {name}',
  formTitleNoName: 'Envoyer une demande',
  close: 'Fermer',
  requiredNote: 'Les champs marqués d’un * sont obligatoires.',
  name: 'Votre nom',
  email: 'E-mail',
  company: 'Société',
  country: 'Pays',
  phone: 'Téléphone / WhatsApp',
  product: 'Produit',
  sku: 'Réf. {sku}',
  removeProduct: 'Retirer le produit',
  products: 'Produits',
  basket: 'Panier de demande ({count})',
  basketAdded: 'Ajouté à votre panier de demande : {name}',
  quantity: 'Quantité',
  unit: 'Unité',
  message: 'Message',
  messageHint:
    'Précisez les spécifications, la quantité, le prix cible et les conditions de livraison souhaités.',
  attachments: 'Pièces jointes',
  attachmentsHint: 'Jusqu’à {max} fichiers de {size} Mo chacun : images, PDF, Word ou Excel.',
  removeFile: 'Retirer le fichier',
  'invalid.fileType':
    '{name} : seuls les images et les fichiers PDF, Word et Excel peuvent être envoyés.',
  'invalid.fileSize': '{name} dépasse {size} Mo.',
  'invalid.fileCount': 'Choisissez au plus {max} fichiers.',
  charCount: '{count} / {max} caractères',
  quickQuestions: 'Questions rapides',
  'quick.price': 'Prix',
  'quick.sample': 'Échantillon',
  'quick.moq': 'Commande minimum',
  'quick.delivery': 'Délai de livraison',
  'quick.agent': 'Devenir agent',
  'ask.price': 'Quel est votre meilleur prix pour cette quantité ?',
  'ask.sample': 'Pouvez-vous d’abord envoyer un échantillon ?',
  'ask.moq': 'Quelle est votre quantité minimum de commande ?',
  'ask.delivery': 'Quel est le délai de livraison ?',
  'ask.agent': 'Je souhaite devenir votre agent dans mon pays.',
  whatsapp: 'Discuter sur WhatsApp',
  newTab: '(s’ouvre dans un nouvel onglet)',
  send: 'Envoyer la demande',
  sending: 'Envoi…',
  consent:
    'En envoyant, vous acceptez que {site} enregistre vos coordonnées pour répondre à votre demande.',
  consentNoName:
    'En envoyant, vous acceptez que nous enregistrions vos coordonnées pour répondre à votre demande.',
  summaryOne: 'Veuillez corriger 1 champ.',
  summaryMany: 'Veuillez corriger {count} champs.',
  'invalid.email': 'Veuillez saisir une adresse e-mail valide.',
  'invalid.messageShort':
    'Écrivez au moins {min} caractères pour que le commercial puisse bien vous répondre.',
  'invalid.messageLong': 'Votre message doit faire moins de {max} caractères.',
  'invalid.quantity': 'Veuillez saisir une quantité supérieure à 0.',
  'invalid.quantityLarge': 'Veuillez saisir une quantité plus petite.',
  'invalid.tooLong': 'Veuillez raccourcir à {max} caractères.',
  'invalid.product':
    'Ce produit ne peut pas être joint. Retirez-le et nommez le produit dans votre message.',
  'invalid.other': 'Veuillez vérifier ce champ.',
  sentTitle: 'Votre demande a été envoyée à {name}',
  sentReply: 'La réponse arrive généralement par e-mail à {email}.',
  viewConversation: 'Voir la conversation',
  tryAgain: 'Réessayer',
  savedOffline:
    'Pas de connexion pour le moment. Votre demande est enregistrée sur cet appareil et sera envoyée automatiquement.',
  threadTitle: 'Votre conversation avec {name}',
  threadTitleNoName: 'Votre conversation',
  backToConversation: 'Retour à votre conversation',
  newInquiry: 'Nouvelle demande',
  about: 'Objet : {products}',
  messages: 'Messages',
  you: 'Vous',
  update: 'Information',
  loadingThread: 'Chargement de votre conversation…',
  newReply: 'Nouvelle réponse de {name}',
  newReplies: '{count} nouvelles réponses de {name}',
  reply: 'Votre réponse',
  replyHint: '{name} reçoit aussi votre réponse par e-mail.',
  sendReply: 'Envoyer',
  'invalid.replyEmpty': 'Veuillez d’abord écrire votre réponse.',
  'error.VALIDATION_FAILED':
    'Certaines informations n’ont pas pu être acceptées. Veuillez vérifier le formulaire.',
  'error.PAYLOAD_TOO_LARGE':
    'Votre demande est trop volumineuse. Veuillez raccourcir votre message.',
  'error.SITE_NOT_FOUND':
    'Ce formulaire de contact n’est pas encore configuré. Contactez l’entreprise par e-mail ou par téléphone.',
  'error.ORIGIN_NOT_ALLOWED':
    'Ce formulaire de contact n’est pas encore configuré. Contactez l’entreprise par e-mail ou par téléphone.',
  'error.NOT_FOUND':
    'Ce formulaire de contact n’est pas encore configuré. Contactez l’entreprise par e-mail.',
  'error.CONVERSATION_NOT_FOUND':
    'Cette conversation n’est plus disponible. Veuillez envoyer une nouvelle demande.',
  'error.TOO_MANY_ATTEMPTS': 'Trop de tentatives. Patientez quelques minutes et réessayez.',
  'error.PROOF_OF_WORK_REQUIRED':
    'Nous n’avons pas pu envoyer votre demande pour le moment. Votre message est conservé : réessayez dans une minute.',
  'error.INTERNAL':
    'Un problème est survenu de notre côté. Votre message est toujours là : réessayez dans un instant.',
  'error.NETWORK':
    'Impossible de joindre le serveur. Votre message est toujours là : vérifiez votre connexion et réessayez.',
  basketFull:
    'Votre panier de demande est plein : une demande peut contenir jusqu’à {max} produits.',
  'unit.pieces': 'pièces',
  'unit.sets': 'ensembles',
  'unit.pairs': 'paires',
  'unit.meters': 'mètres',
  'unit.square meters': 'mètres carrés',
  'unit.kg': 'kg',
  'unit.tons': 'tonnes',
  'unit.liters': 'litres',
  'unit.cartons': 'cartons',
  'unit.boxes': 'boîtes',
  'unit.bags': 'sacs',
  'unit.rolls': 'rouleaux',
  'unit.containers': 'conteneurs',
  'invalid.quantityFormat': 'Veuillez saisir la quantité en chiffres, par exemple 250 ou 2,5.',
};
