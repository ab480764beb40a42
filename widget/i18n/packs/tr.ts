import type { FormTexts } from '../../form/i18n/en';
import type { CardTexts } from '../en';

// Turkish: sent with the widget config to pages in this language.

/** The card's and the launcher's texts in Turkish. */
export const card: CardTexts = {
  cardHeading: 'Çevrimiçi Destek',
  cardFallbackName: 'Satış ekibimiz',
  available: 'Şu an çevrimiçi',
  away: 'Uzakta, e-postayla yanıt verir',
  repliesWithin: 'Genellikle {hours} saat içinde yanıt verir',
  backAt: 'Dönüş: {when} (sizin saatinizle)',
  leaveMessage: 'Mesaj bırakın',
  contactNow: 'Hemen ulaşın',
  launcher: 'Bize ulaşın',
  formFailed: 'Form yüklenemedi. Lütfen bağlantınızı kontrol edip tekrar deneyin.',
};

/** The form's texts in Turkish. */
export const form: FormTexts = {
  fallbackRecipient: 'Satış ekibimiz',
  formTitle: 'Talep gönder: {name}',
  formTitleNoName: 'Talep gönder',
  close: 'Kapat',
  requiredNote: '* ile işaretli alanlar zorunludur.',
  name: 'Adınız',
  email: 'E-posta',
  company: 'Şirket',
  country: 'Ülke',
  phone: 'Telefon / WhatsApp',
  product: 'Ürün',
  sku: 'Stok kodu {sku}',
  removeProduct: 'Ürünü kaldır',
  products: 'Ürünler',
  basket: 'Talep sepeti ({count})',
  basketAdded: 'Talep sepetinize eklendi: {name}',
  quantity: 'Miktar',
  unit: 'Birim',
  message: 'Mesaj',
  messageHint:
    'İhtiyacınız olan teknik özellikleri, miktarı, hedef fiyatı ve teslimat koşullarını yazın.',
  charCount: '{count} / {max} karakter',
  quickQuestions: 'Hızlı sorular',
  'quick.price': 'Fiyat',
  'quick.sample': 'Numune',
  'quick.moq': 'Minimum sipariş',
  'quick.delivery': 'Teslim süresi',
  'quick.agent': 'Temsilci olmak',
  'ask.price': 'Bu miktar için en iyi fiyatınız nedir?',
  'ask.sample': 'Önce numune gönderebilir misiniz?',
  'ask.moq': 'Minimum sipariş miktarınız nedir?',
  'ask.delivery': 'Teslim süresi ne kadar?',
  'ask.agent': 'Ülkemde temsilciniz olmak istiyorum.',
  whatsapp: 'WhatsApp’ta sohbet et',
  newTab: '(yeni sekmede açılır)',
  send: 'Talebi gönder',
  sending: 'Gönderiliyor…',
  consent:
    'Göndererek, talebinizi yanıtlamak için bilgilerinizin {site} tarafından saklanmasını kabul etmiş olursunuz.',
  consentNoName:
    'Göndererek, talebinizi yanıtlamak için bilgilerinizi saklamamızı kabul etmiş olursunuz.',
  summaryOne: 'Lütfen 1 alanı düzeltin.',
  summaryMany: 'Lütfen {count} alanı düzeltin.',
  'invalid.email': 'Lütfen geçerli bir e-posta adresi girin.',
  'invalid.messageShort':
    'Temsilcinin iyi yanıt verebilmesi için lütfen en az {min} karakter yazın.',
  'invalid.messageLong': 'Lütfen mesajınızı {max} karakterin altında tutun.',
  'invalid.quantity': 'Lütfen 0’dan büyük bir miktar girin.',
  'invalid.quantityLarge': 'Lütfen daha küçük bir miktar girin.',
  'invalid.tooLong': 'Lütfen en fazla {max} karaktere kısaltın.',
  'invalid.product': 'Bu ürün eklenemiyor. Ürünü kaldırın ve adını mesajınızda belirtin.',
  'invalid.other': 'Lütfen bu alanı kontrol edin.',
  sentTitle: 'Talebiniz gönderildi: {name}',
  sentReply: 'Yanıt genellikle {email} adresine e-postayla gelir.',
  viewConversation: 'Yazışmayı görüntüle',
  tryAgain: 'Tekrar dene',
  savedOffline:
    'Şu anda bağlantı yok. Talebiniz bu cihazda kaydedildi ve otomatik olarak gönderilecek.',
  threadTitle: 'Yazışmanız: {name}',
  threadTitleNoName: 'Yazışmanız',
  backToConversation: 'Yazışmanıza dönün',
  newInquiry: 'Yeni talep',
  about: 'Konu: {products}',
  messages: 'Mesajlar',
  you: 'Siz',
  update: 'Bildirim',
  loadingThread: 'Yazışmanız yükleniyor…',
  newReply: 'Yeni yanıt: {name}',
  newReplies: '{count} yeni yanıt: {name}',
  reply: 'Yanıtınız',
  replyHint: 'Yanıtınız e-postayla da iletilir ({name}).',
  sendReply: 'Gönder',
  'invalid.replyEmpty': 'Lütfen önce yanıtınızı yazın.',
  'error.VALIDATION_FAILED': 'Bazı bilgiler kabul edilemedi. Lütfen formu kontrol edin.',
  'error.MALFORMED_JSON': 'Teknik bir sorun talebinizi engelledi. Lütfen tekrar deneyin.',
  'error.UNSUPPORTED_MEDIA_TYPE': 'Teknik bir sorun talebinizi engelledi. Lütfen tekrar deneyin.',
  'error.PAYLOAD_TOO_LARGE': 'Talebiniz gönderilemeyecek kadar büyük. Lütfen mesajınızı kısaltın.',
  'error.SITE_NOT_FOUND':
    'Bu iletişim formu henüz kurulmadı. Lütfen şirkete e-posta veya telefonla ulaşın.',
  'error.ORIGIN_NOT_ALLOWED':
    'Bu iletişim formu henüz kurulmadı. Lütfen şirkete e-posta veya telefonla ulaşın.',
  'error.NOT_FOUND': 'Bu iletişim formu henüz kurulmadı. Lütfen şirkete e-postayla ulaşın.',
  'error.CONVERSATION_NOT_FOUND': 'Bu yazışma artık mevcut değil. Lütfen yeni bir talep gönderin.',
  'error.UNAUTHENTICATED': 'Lütfen yeniden giriş yapın.',
  'error.FORBIDDEN': 'Buradan bu işleme izin verilmiyor.',
  'error.INVALID_CREDENTIALS': 'E-posta adresi veya şifre yanlış.',
  'error.TOO_MANY_ATTEMPTS': 'Çok fazla deneme. Lütfen birkaç dakika bekleyip tekrar deneyin.',
  'error.PROOF_OF_WORK_REQUIRED':
    'Talebiniz şu anda gönderilemedi. Mesajınız burada duruyor: lütfen bir dakika sonra tekrar deneyin.',
  'error.IDEMPOTENCY_KEY_REUSED':
    'Bizim tarafımızda bir sorun oluştu. Mesajınız hâlâ burada: lütfen tekrar deneyin.',
  'error.INTERNAL':
    'Bizim tarafımızda bir sorun oluştu. Mesajınız hâlâ burada: lütfen birazdan tekrar deneyin.',
  'error.NETWORK':
    'Sunucuya ulaşılamadı. Mesajınız hâlâ burada: bağlantınızı kontrol edip tekrar deneyin.',
};
