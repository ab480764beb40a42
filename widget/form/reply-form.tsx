import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { ConversationActions } from './conversation-actions';
import { Field } from './field';
import type { FormTexts } from './i18n/en';
import { fill } from '../i18n/locale';
import type { ThreadState } from './thread-state';

/** The follow-up box renders from the thread's state and changes it through the actions. */
export interface ReplyFormProps {
  thread: ThreadState;
  actions: ConversationActions;
  texts: FormTexts;
  /** Who reads the reply, for the hint. */
  recipient: string;
  /** Shown at the start of the button row ("New inquiry"). */
  aside: ComponentChildren;
}

/** The visitor's follow-up: one labelled textarea and Send, with errors as in the form. */
export function ReplyForm({ thread, actions, texts: t, recipient, aside }: ReplyFormProps) {
  const form = useRef<HTMLFormElement>(null);
  const phase = thread.replyPhase.value;
  const failure = thread.replyFailure.value;
  const attempts = thread.replyAttempts.value;
  const seen = useRef(attempts);

  // After each attempt focus goes where the visitor acts next: "Try again" after a failure,
  // else the box (to fix it, or to write more). Send itself was disabled while in flight.
  useEffect(() => {
    if (seen.current === attempts) return;
    seen.current = attempts;
    const selector = thread.replyPhase.value === 'failed' ? '#r-retry' : '#r-body';
    form.current?.querySelector<HTMLElement>(selector)?.focus();
  }, [attempts]);

  return (
    <form
      ref={form}
      class="reply"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        actions.sendReply();
      }}
    >
      <Field
        id="r-body"
        label={t.reply}
        error={thread.draftError.value || undefined}
        hint={fill(t.replyHint, { name: recipient })}
      >
        {(aria) => (
          <textarea
            {...aria}
            value={thread.draft.value}
            onInput={(event) => actions.setDraft(event.currentTarget.value)}
            rows={3}
          />
        )}
      </Field>
      {phase === 'failed' && failure && (
        <div class="alert" role="alert">
          <p>{t[`error.${failure}`]}</p>
          <button type="button" class="btn secondary" id="r-retry" onClick={actions.sendReply}>
            {t.tryAgain}
          </button>
        </div>
      )}
      <div class="thread-actions">
        {aside}
        <button type="submit" class="btn primary" disabled={phase === 'sending'}>
          {phase === 'sending' ? t.sending : t.sendReply}
        </button>
      </div>
    </form>
  );
}
