import { Component, createRef, type ComponentChildren, type RefObject } from 'preact';
import type { ConversationActions } from './conversation-actions';
import { errorText } from './error-text';
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

/**
 * The visitor's follow-up: one labelled textarea and Send, with errors as in the form. A class
 * for its after-render work, so the form module carries no hooks runtime.
 */
export class ReplyForm extends Component<ReplyFormProps> {
  declare form: RefObject<HTMLFormElement | null>;
  /** The attempts the visitor has seen the outcome of: focus moves on a new one. */
  declare seen: number;

  // Set here, not as class fields: for the form's browsers the build would add helpers.
  constructor(props: ReplyFormProps) {
    super(props);
    this.form = createRef();
    this.seen = props.thread.replyAttempts.peek();
  }

  // After each attempt focus goes where the visitor acts next: "Try again" after a failure,
  // else the box (to fix it, or to write more). Send itself was disabled while in flight.
  override componentDidUpdate() {
    const { thread } = this.props;
    const attempts = thread.replyAttempts.peek();
    if (this.seen === attempts) return;
    this.seen = attempts;
    const selector = thread.replyPhase.peek() === 'failed' ? '#r-retry' : '#r-body';
    this.form.current?.querySelector<HTMLElement>(selector)?.focus();
  }

  override render({ thread, actions, texts: t, recipient, aside }: ReplyFormProps) {
    const phase = thread.replyPhase.value;
    const failure = thread.replyFailure.value;
    return (
      <form
        ref={this.form}
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
              dir="auto"
              value={thread.draft.value}
              onInput={(event) => actions.setDraft(event.currentTarget.value)}
              rows={3}
            />
          )}
        </Field>
        {phase === 'failed' && failure && (
          <div class="alert" role="alert">
            <p>{errorText(t, failure)}</p>
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
}
