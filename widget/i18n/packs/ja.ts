import type { FormTexts } from '../../form/i18n/en';
import type { CardTexts } from '../en';

// Japanese: sent with the widget config to pages in this language.

/** The card's and the launcher's texts in Japanese. */
export const card: CardTexts = {
  cardHeading: 'オンライン窓口',
  cardFallbackName: '営業チーム',
  available: 'オンライン',
  away: '不在（メールで返信します）',
  repliesWithin: '通常 {hours} 時間以内に返信',
  backAt: '{when}に戻ります（現地時間）',
  leaveMessage: 'メッセージを残す',
  contactNow: '今すぐ問い合わせ',
  launcher: 'お問い合わせ',
  formFailed: 'フォームを読み込めませんでした。接続を確認して、もう一度お試しください。',
};

/** The form's texts in Japanese. */
export const form: FormTexts = {
  fallbackRecipient: '営業チーム',
  formTitle: '{name}へのお問い合わせ',
  formTitleNoName: 'お問い合わせ',
  close: '閉じる',
  requiredNote: '* は必須項目です。',
  name: 'お名前',
  email: 'メールアドレス',
  company: '会社名',
  country: '国',
  phone: '電話 / WhatsApp',
  product: '製品',
  sku: '品番 {sku}',
  removeProduct: '製品を外す',
  quantity: '数量',
  unit: '単位',
  message: 'メッセージ',
  messageHint: '必要な仕様、数量、希望価格、納品条件をお知らせください。',
  charCount: '{count} / {max} 文字',
  quickQuestions: 'よくある質問',
  'quick.price': '価格',
  'quick.sample': 'サンプル',
  'quick.moq': '最小発注数',
  'quick.delivery': '納期',
  'quick.agent': '代理店になる',
  'ask.price': 'この数量での最良の価格を教えてください。',
  'ask.sample': '先にサンプルを送っていただけますか？',
  'ask.moq': '最小発注数量はいくつですか？',
  'ask.delivery': '納期はどのくらいですか？',
  'ask.agent': '貴社の現地代理店になることに関心があります。',
  whatsapp: 'WhatsAppでチャット',
  newTab: '（新しいタブで開きます）',
  send: '送信する',
  sending: '送信中…',
  consent:
    '送信すると、お問い合わせへの回答のために{site}がお客様の情報を保存することに同意したものとみなされます。',
  consentNoName:
    '送信すると、お問い合わせへの回答のために当社がお客様の情報を保存することに同意したものとみなされます。',
  summaryOne: '1 件の項目を修正してください。',
  summaryMany: '{count} 件の項目を修正してください。',
  'invalid.email': '有効なメールアドレスを入力してください。',
  'invalid.messageShort': '担当者が的確に回答できるよう、{min} 文字以上で入力してください。',
  'invalid.messageLong': 'メッセージは {max} 文字以内にしてください。',
  'invalid.quantity': '0 より大きい数量を入力してください。',
  'invalid.quantityLarge': 'もう少し小さい数量を入力してください。',
  'invalid.tooLong': '{max} 文字以内に短くしてください。',
  'invalid.product': 'この製品は添付できません。外してから、メッセージに製品名を書いてください。',
  'invalid.other': 'この項目を確認してください。',
  sentTitle: '{name}にお問い合わせを送信しました',
  sentReply: '通常、{email} 宛てにメールで返信があります。',
  viewConversation: 'やり取りを見る',
  tryAgain: '再試行',
  savedOffline: '現在、接続できません。お問い合わせはこの端末に保存され、自動的に送信されます。',
  threadTitle: '{name}とのやり取り',
  threadTitleNoName: 'やり取り',
  backToConversation: 'やり取りに戻る',
  newInquiry: '新しいお問い合わせ',
  about: '件名：{products}',
  messages: 'メッセージ',
  you: 'あなた',
  update: 'お知らせ',
  loadingThread: 'やり取りを読み込んでいます…',
  newReply: '{name}から新しい返信',
  newReplies: '{name}から {count} 件の新しい返信',
  reply: '返信',
  replyHint: '返信は{name}にもメールで届きます。',
  sendReply: '送信',
  'invalid.replyEmpty': '先に返信を入力してください。',
  'error.VALIDATION_FAILED': '一部の内容を受け付けられませんでした。フォームを確認してください。',
  'error.MALFORMED_JSON': '技術的な問題で送信できませんでした。もう一度お試しください。',
  'error.UNSUPPORTED_MEDIA_TYPE': '技術的な問題で送信できませんでした。もう一度お試しください。',
  'error.PAYLOAD_TOO_LARGE': '内容が大きすぎて送信できません。メッセージを短くしてください。',
  'error.SITE_NOT_FOUND':
    'このお問い合わせフォームはまだ設定されていません。メールまたは電話で会社にご連絡ください。',
  'error.ORIGIN_NOT_ALLOWED':
    'このお問い合わせフォームはまだ設定されていません。メールまたは電話で会社にご連絡ください。',
  'error.NOT_FOUND':
    'このお問い合わせフォームはまだ設定されていません。メールで会社にご連絡ください。',
  'error.CONVERSATION_NOT_FOUND':
    'このやり取りは利用できなくなりました。新しくお問い合わせください。',
  'error.UNAUTHENTICATED': 'もう一度ログインしてください。',
  'error.FORBIDDEN': 'ここからは実行できません。',
  'error.INVALID_CREDENTIALS': 'メールアドレスまたはパスワードが正しくありません。',
  'error.TOO_MANY_ATTEMPTS': '試行回数が多すぎます。数分待ってからもう一度お試しください。',
  'error.PROOF_OF_WORK_REQUIRED':
    'ただいまお問い合わせを送信できませんでした。メッセージは残っています。1分後にもう一度お試しください。',
  'error.IDEMPOTENCY_KEY_REUSED':
    'こちら側で問題が発生しました。メッセージは残っています。もう一度お試しください。',
  'error.INTERNAL':
    'こちら側で問題が発生しました。メッセージは残っています。しばらくしてからもう一度お試しください。',
  'error.NETWORK':
    'サーバーに接続できませんでした。メッセージは残っています。接続を確認して、もう一度お試しください。',
};
