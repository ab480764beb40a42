import type { AckTexts } from './index';

/** Simplified Chinese. */
export const zh: AckTexts = {
  subject: '我们已收到您的咨询 – {site}',
  greeting: '{name}，您好：',
  greetingNoName: '您好：',
  received: '感谢您{product}的咨询。',
  product: '关于“{product}”',
  repAnswers: '{rep}将会回复您。',
  unassigned: '我们的销售团队将会回复您。',
  replyWithin: { other: '您将在{hours}小时内收到回复。' },
  replyBack: '{rep}目前不在办公室，将于{when}回来。',
  localTime: '{time}（您的当地时间）',
  utcTime: '{time}（UTC）',
  yourMessage: '您的留言：',
  continue: '您可以直接回复此邮件，或在这里继续沟通：{url}',
  signature: '祝商祺！\n{site}',
  sentenceGap: '',
};
