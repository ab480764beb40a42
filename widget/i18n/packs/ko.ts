import type { FormTexts } from '../../form/i18n/en';
import type { CardTexts } from '../en';

// Korean, built to dist/widget-locale-ko.js: only pages in this language load it.

/** The card's and the launcher's texts in Korean. */
export const card: CardTexts = {
  cardHeading: '온라인 상담',
  cardFallbackName: '영업팀',
  available: '온라인',
  away: '부재 중, 이메일로 답변',
  repliesWithin: '보통 {hours}시간 이내 답변',
  backAt: '{when} 복귀 (현지 시간)',
  leaveMessage: '메시지 남기기',
  contactNow: '지금 문의',
  launcher: '문의하기',
};

/** The form's texts in Korean. */
export const form: FormTexts = {
  fallbackRecipient: '영업팀',
  formTitle: '{name}에게 문의 보내기',
  formTitleNoName: '문의 보내기',
  close: '닫기',
  requiredNote: '* 표시는 필수 항목입니다.',
  name: '이름',
  email: '이메일',
  company: '회사',
  country: '국가',
  phone: '전화 / WhatsApp',
  product: '제품',
  sku: '품번 {sku}',
  removeProduct: '제품 삭제',
  quantity: '수량',
  unit: '단위',
  message: '메시지',
  messageHint: '필요한 사양, 수량, 목표 가격, 납품 조건을 알려 주세요.',
  charCount: '{count} / {max}자',
  send: '문의 보내기',
  sending: '보내는 중…',
  consent:
    '보내시면 {site}에서 문의에 답변하기 위해 귀하의 정보를 저장하는 데 동의하시는 것으로 간주됩니다.',
  consentNoName:
    '보내시면 당사가 문의에 답변하기 위해 귀하의 정보를 저장하는 데 동의하시는 것으로 간주됩니다.',
  summaryOne: '항목 1개를 수정해 주세요.',
  summaryMany: '항목 {count}개를 수정해 주세요.',
  'invalid.email': '올바른 이메일 주소를 입력해 주세요.',
  'invalid.messageShort': '담당자가 정확히 답변할 수 있도록 {min}자 이상 입력해 주세요.',
  'invalid.messageLong': '메시지는 {max}자 미만으로 입력해 주세요.',
  'invalid.quantity': '0보다 큰 수량을 입력해 주세요.',
  'invalid.quantityLarge': '더 작은 수량을 입력해 주세요.',
  'invalid.tooLong': '{max}자 이내로 줄여 주세요.',
  'invalid.product': '이 제품은 첨부할 수 없습니다. 삭제한 뒤 메시지에 제품명을 적어 주세요.',
  'invalid.other': '이 항목을 확인해 주세요.',
  sentTitle: '{name}에게 문의를 보냈습니다',
  sentReply: '보통 {email}(으)로 이메일 답변을 드립니다.',
  viewConversation: '대화 보기',
  tryAgain: '다시 시도',
  savedOffline:
    '지금은 연결되어 있지 않습니다. 문의 내용이 이 기기에 저장되었으며 자동으로 전송됩니다.',
  threadTitle: '{name}와(과)의 대화',
  threadTitleNoName: '나의 대화',
  backToConversation: '대화로 돌아가기',
  newInquiry: '새 문의',
  about: '관련 제품: {products}',
  messages: '메시지',
  you: '나',
  update: '알림',
  loadingThread: '대화를 불러오는 중…',
  newReply: '{name}의 새 답변',
  newReplies: '{name}의 새 답변 {count}개',
  reply: '답장',
  replyHint: '답장은 {name}에게 이메일로도 전달됩니다.',
  sendReply: '보내기',
  'invalid.replyEmpty': '먼저 답장을 입력해 주세요.',
  'error.VALIDATION_FAILED': '일부 정보를 받을 수 없습니다. 양식을 확인해 주세요.',
  'error.MALFORMED_JSON': '기술적인 문제로 문의를 보내지 못했습니다. 다시 시도해 주세요.',
  'error.UNSUPPORTED_MEDIA_TYPE': '기술적인 문제로 문의를 보내지 못했습니다. 다시 시도해 주세요.',
  'error.PAYLOAD_TOO_LARGE': '문의 내용이 너무 커서 보낼 수 없습니다. 메시지를 줄여 주세요.',
  'error.SITE_NOT_FOUND':
    '이 문의 양식은 아직 설정되지 않았습니다. 이메일이나 전화로 회사에 연락해 주세요.',
  'error.ORIGIN_NOT_ALLOWED':
    '이 문의 양식은 아직 설정되지 않았습니다. 이메일이나 전화로 회사에 연락해 주세요.',
  'error.NOT_FOUND': '이 문의 양식은 아직 설정되지 않았습니다. 이메일로 회사에 연락해 주세요.',
  'error.CONVERSATION_NOT_FOUND': '이 대화는 더 이상 볼 수 없습니다. 새 문의를 보내 주세요.',
  'error.UNAUTHENTICATED': '다시 로그인해 주세요.',
  'error.FORBIDDEN': '여기에서는 허용되지 않습니다.',
  'error.INVALID_CREDENTIALS': '이메일 주소 또는 비밀번호가 올바르지 않습니다.',
  'error.TOO_MANY_ATTEMPTS': '시도 횟수가 너무 많습니다. 몇 분 후 다시 시도해 주세요.',
  'error.PROOF_OF_WORK_REQUIRED':
    '지금은 문의를 보낼 수 없습니다. 메시지는 그대로 있습니다. 1분 후에 다시 시도해 주세요.',
  'error.IDEMPOTENCY_KEY_REUSED':
    '저희 쪽에 문제가 생겼습니다. 메시지는 그대로 있으니 다시 시도해 주세요.',
  'error.INTERNAL':
    '저희 쪽에 문제가 생겼습니다. 메시지는 그대로 있으니 잠시 후 다시 시도해 주세요.',
  'error.NETWORK':
    '서버에 연결할 수 없습니다. 메시지는 그대로 있으니 연결을 확인하고 다시 시도해 주세요.',
};
