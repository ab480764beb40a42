import type { FormTexts } from './i18n/en';

/** The questions buyers ask most, offered as toggle chips above the message. */
export const QUICK_QUESTIONS = ['price', 'sample', 'moq', 'delivery', 'agent'] as const;

/** One quick question: `quick.<id>` is its chip's label, `ask.<id>` the sentence it adds. */
export type QuickQuestion = (typeof QUICK_QUESTIONS)[number];

/** The sentence a chip adds to the message, in the form's language. */
export const questionText = (texts: FormTexts, id: QuickQuestion): string => texts[`ask.${id}`];

/**
 * Adds `sentence` to the message on a line of its own, or takes it out again when the message
 * already has it. The message is the only state: a chip is pressed while its sentence is there,
 * so a visitor who deletes the sentence by hand un-presses the chip too.
 */
export function toggleQuestion(message: string, sentence: string): string {
  const at = message.indexOf(sentence);
  if (at === -1) {
    const kept = message.trimEnd();
    return kept ? `${kept}\n${sentence}` : sentence;
  }
  const before = message.slice(0, at);
  const after = message.slice(at + sentence.length);
  // Its own line goes with it, so pressing twice gives back the message as it was.
  if (after === '') return before.replace(/[ \t]*\n?$/, '');
  const lineStart = before === '' || before.endsWith('\n');
  return before + (lineStart ? after.replace(/^(\n|[ \t]+)/, '') : after);
}
