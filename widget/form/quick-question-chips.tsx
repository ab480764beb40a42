import type { FormTexts } from './i18n/en';
import { QUICK_QUESTIONS, questionText, toggleQuestion } from './quick-questions';

/** The message the chips read and write. */
export interface QuickQuestionChipsProps {
  texts: FormTexts;
  message: string;
  onChange: (message: string) => void;
}

/** Toggle buttons above the message: each adds its question to the message, or takes it out. */
export function QuickQuestionChips({ texts: t, message, onChange }: QuickQuestionChipsProps) {
  return (
    <div class="field" role="group" aria-labelledby="f-quick-label">
      <span class="label" id="f-quick-label">
        {t.quickQuestions}
      </span>
      <div class="quick">
        {QUICK_QUESTIONS.map((id) => {
          const sentence = questionText(t, id);
          return (
            <button
              key={id}
              type="button"
              class="quick-btn"
              aria-pressed={message.includes(sentence) ? 'true' : 'false'}
              onClick={() => onChange(toggleQuestion(message, sentence))}
            >
              {t[`quick.${id}`]}
            </button>
          );
        })}
      </div>
    </div>
  );
}
