import type { FormTexts } from '../../form/i18n/en';
import type { CardTexts } from '../en';

// Russian: sent with the widget config to pages in this language.

/** The card's and the launcher's texts in Russian. */
export const card: CardTexts = {
  cardHeading: 'Онлайн-консультант',
  cardFallbackName: 'Наш отдел продаж',
  available: 'Сейчас в сети',
  away: 'Нет на месте, ответит по e-mail',
  repliesWithin: 'Обычно отвечает в течение {hours} ч',
  backAt: 'Вернётся: {when} (ваше время)',
  leaveMessage: 'Оставить сообщение',
  contactNow: 'Связаться сейчас',
  launcher: 'Связаться с нами',
  formFailed: 'Не удалось загрузить форму. Проверьте подключение и попробуйте ещё раз.',
};

/** The form's texts in Russian. */
export const form: FormTexts = {
  fallbackRecipient: 'отдел продаж',
  formTitle: 'Отправить запрос: {name}',
  formTitleNoName: 'Отправить запрос',
  close: 'Закрыть',
  requiredNote: 'Поля, отмеченные *, обязательны.',
  name: 'Ваше имя',
  email: 'E-mail',
  company: 'Компания',
  country: 'Страна',
  phone: 'Телефон / WhatsApp',
  product: 'Товар',
  sku: 'Артикул {sku}',
  removeProduct: 'Убрать товар',
  quantity: 'Количество',
  unit: 'Единица',
  message: 'Сообщение',
  messageHint: 'Укажите характеристики, количество, целевую цену и условия поставки.',
  charCount: 'Символов: {count} / {max}',
  quickQuestions: 'Быстрые вопросы',
  'quick.price': 'Цена',
  'quick.sample': 'Образец',
  'quick.moq': 'Мин. заказ',
  'quick.delivery': 'Срок поставки',
  'quick.agent': 'Стать агентом',
  'ask.price': 'Какая у вас лучшая цена на это количество?',
  'ask.sample': 'Можете сначала прислать образец?',
  'ask.moq': 'Каков минимальный объём заказа?',
  'ask.delivery': 'Каков срок поставки?',
  'ask.agent': 'Я хотел бы стать вашим агентом в моей стране.',
  whatsapp: 'Написать в WhatsApp',
  newTab: '(откроется в новой вкладке)',
  send: 'Отправить запрос',
  sending: 'Отправка…',
  consent:
    'Отправляя запрос, вы соглашаетесь, что {site} сохранит ваши данные, чтобы ответить на него.',
  consentNoName:
    'Отправляя запрос, вы соглашаетесь, что мы сохраним ваши данные, чтобы ответить на него.',
  summaryOne: 'Исправьте 1 поле.',
  summaryMany: 'Исправьте поля: {count}.',
  'invalid.email': 'Введите корректный адрес e-mail.',
  'invalid.messageShort':
    'Напишите не менее {min} символов, чтобы менеджер мог ответить по существу.',
  'invalid.messageLong': 'Сообщение слишком длинное: не более {max} символов.',
  'invalid.quantity': 'Введите количество больше 0.',
  'invalid.quantityLarge': 'Введите меньшее количество.',
  'invalid.tooLong': 'Слишком длинно: максимум символов — {max}.',
  'invalid.product': 'Этот товар нельзя прикрепить. Уберите его и укажите товар в сообщении.',
  'invalid.other': 'Проверьте это поле.',
  sentTitle: 'Ваш запрос отправлен: {name}',
  sentReply: 'Ответ обычно приходит по e-mail на адрес {email}.',
  viewConversation: 'Открыть переписку',
  tryAgain: 'Повторить',
  savedOffline:
    'Сейчас нет соединения. Ваш запрос сохранён на этом устройстве и будет отправлен автоматически.',
  threadTitle: 'Переписка: {name}',
  threadTitleNoName: 'Ваша переписка',
  backToConversation: 'Вернуться к переписке',
  newInquiry: 'Новый запрос',
  about: 'Тема: {products}',
  messages: 'Сообщения',
  you: 'Вы',
  update: 'Уведомление',
  loadingThread: 'Загрузка переписки…',
  newReply: 'Новый ответ: {name}',
  newReplies: 'Новых ответов: {count} ({name})',
  reply: 'Ваш ответ',
  replyHint: '{name} также получит ваш ответ по e-mail.',
  sendReply: 'Отправить',
  'invalid.replyEmpty': 'Сначала напишите ответ.',
  'error.VALIDATION_FAILED': 'Некоторые данные не приняты. Проверьте форму.',
  'error.MALFORMED_JSON': 'Из-за технической ошибки запрос не отправлен. Попробуйте ещё раз.',
  'error.UNSUPPORTED_MEDIA_TYPE':
    'Из-за технической ошибки запрос не отправлен. Попробуйте ещё раз.',
  'error.PAYLOAD_TOO_LARGE': 'Запрос слишком большой. Сократите сообщение.',
  'error.SITE_NOT_FOUND':
    'Эта форма ещё не настроена. Свяжитесь с компанией по e-mail или телефону.',
  'error.ORIGIN_NOT_ALLOWED':
    'Эта форма ещё не настроена. Свяжитесь с компанией по e-mail или телефону.',
  'error.NOT_FOUND': 'Эта форма ещё не настроена. Свяжитесь с компанией по e-mail.',
  'error.CONVERSATION_NOT_FOUND': 'Эта переписка больше недоступна. Отправьте новый запрос.',
  'error.UNAUTHENTICATED': 'Войдите снова.',
  'error.FORBIDDEN': 'Это действие здесь запрещено.',
  'error.INVALID_CREDENTIALS': 'Неверный e-mail или пароль.',
  'error.TOO_MANY_ATTEMPTS': 'Слишком много попыток. Подождите несколько минут и попробуйте снова.',
  'error.PROOF_OF_WORK_REQUIRED':
    'Не удалось отправить запрос сейчас. Ваше сообщение сохранено: повторите попытку через минуту.',
  'error.IDEMPOTENCY_KEY_REUSED':
    'У нас произошла ошибка. Ваше сообщение осталось здесь: попробуйте ещё раз.',
  'error.INTERNAL': 'У нас произошла ошибка. Ваше сообщение осталось здесь: попробуйте чуть позже.',
  'error.NETWORK':
    'Не удалось связаться с сервером. Ваше сообщение осталось здесь: проверьте подключение и попробуйте снова.',
};
