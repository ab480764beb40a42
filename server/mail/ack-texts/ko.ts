import type { AckTexts } from './index';

/** Korean. */
export const ko: AckTexts = {
  subject: '문의가 접수되었습니다 – {site}',
  greeting: '{name}님, 안녕하세요.',
  greetingNoName: '안녕하세요.',
  received: '{product}문의해 주셔서 감사합니다.',
  product: "'{product}'에 대해 ",
  // "{rep} 담당자가": the particle follows 담당자, so it never depends on how the name ends.
  repAnswers: '{rep} 담당자가 답변해 드리겠습니다.',
  unassigned: '영업팀에서 답변해 드리겠습니다.',
  replyWithin: { other: '{hours}시간 이내에 답변을 받으실 수 있습니다.' },
  replyBack: '{rep} 담당자는 현재 부재중이며 {when}에 복귀할 예정입니다.',
  localTime: '{time} (고객님 현지 시간)',
  utcTime: '{time} (UTC)',
  yourMessage: '문의 내용:',
  continue: '이 메일에 회신하시거나 여기에서 대화를 이어가실 수 있습니다: {url}',
  signature: '감사합니다.\n{site}',
  sentenceGap: ' ',
};
