import { Component, createRef, type ComponentChildren, type RefObject } from 'preact';
import { MESSAGE_MAX, UNITS } from '../../contract/limits';
import type { Actions } from './actions';
import type { FormValues } from './build-inquiry';
import { consentText } from './consent';
import { errorText } from './error-text';
import { Field, type ControlAria } from './field';
import { controlOf, firstInvalid } from './form-errors';
import type { FormTexts } from './i18n/en';
import { fill, type Locale } from '../i18n/locale';
import { Honeypot, HONEYPOT } from './honeypot';
import { focusTitle } from './keep-focus';
import { AttachmentsField } from './attachments-field';
import { ProductLines } from './product-lines';
import { QuickQuestionChips } from './quick-question-chips';
import type { WidgetState } from './state';
import { chatHref, WhatsappChat } from './whatsapp-chat';

/** The form renders from the shared state and changes it only through the actions. */
export interface InquiryFormProps {
  state: WidgetState;
  actions: Actions;
  locale: Locale<FormTexts>;
  /** Returns to the visitor's conversation; absent when they have none. */
  onBack?: () => void;
}

/**
 * The inquiry form: contact details, product, quantity and message. A class for its
 * after-render work, so the form module carries no hooks runtime.
 */
export class InquiryForm extends Component<InquiryFormProps> {
  declare form: RefObject<HTMLFormElement | null>;
  /** The attempts the visitor has seen the outcome of: focus moves on a new one. */
  declare seen: number;
  /** Whether the dialog was open at the last render (none yet: undefined). */
  declare wasOpen: boolean | undefined;

  // Set here, not as class fields: for the form's browsers the build would add helpers.
  constructor(props: InquiryFormProps) {
    super(props);
    this.form = createRef();
    // Not the attempts before this mount: reopening the form moves no focus.
    this.seen = props.state.attempts.peek();
  }

  override componentDidMount() {
    this.rendered();
  }

  override componentDidUpdate() {
    this.rendered();
  }

  rendered() {
    const { state, actions } = this.props;
    // The time to fill the form in counts from when the visitor first sees it, not from when
    // the module mounted it in a closed dialog.
    const isOpen = state.open.peek();
    if (isOpen !== this.wasOpen) {
      this.wasOpen = isOpen;
      if (isOpen) actions.shown();
    }
    // After each attempt, focus goes where the visitor has to act: the first invalid field, or
    // "Try again".
    const attempts = state.attempts.peek();
    if (this.seen === attempts) return;
    this.seen = attempts;
    const invalid = firstInvalid(state.errors.peek());
    const retry = ['failed', 'queued'].includes(state.phase.peek());
    const selector = invalid ? controlOf(invalid) : retry ? '#f-retry' : '';
    // After the dialog's own update, which runs after this one: opening the dialog with what
    // the server refused (actions.open) counts as an attempt, and focus needs it open.
    if (selector)
      queueMicrotask(() => this.form.current?.querySelector<HTMLElement>(selector)?.focus());
  }

  override render({ state, actions, locale, onBack }: InquiryFormProps) {
    const t = locale.texts;
    const form = this.form;
    const values = state.values.value;
    const errors = state.errors.value;
    const lines = state.lines.value;
    const phase = state.phase.value;
    const failure = state.failure.value;
    const waiting = phase === 'failed' || phase === 'queued';
    // The same call the send action makes, so the inquiry records this very text.
    const consent = consentText(t, state.config.value?.site.name);
    const chat = chatHref(state);

    const bind = (field: keyof FormValues) => ({
      value: values[field],
      onInput: (event: { currentTarget: { value: string } }) =>
        actions.setValue(field, event.currentTarget.value),
    });

    const field = (name: keyof FormValues, control: (aria: ControlAria) => ComponentChildren) => (
      <Field id={`f-${name}`} label={t[name]} required={name === 'email'} error={errors[name]}>
        {control}
      </Field>
    );

    return (
      <form
        ref={form}
        class="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          actions.submit(
            event.currentTarget.querySelector<HTMLInputElement>(`[name=${HONEYPOT}]`)?.value ?? '',
          );
        }}
      >
        <Honeypot />
        {onBack && (
          <button type="button" class="link-btn" onClick={onBack}>
            {t.backToConversation}
          </button>
        )}
        <p class="note">{t.requiredNote}</p>
        <div class="grid">
          {field('name', (aria) => (
            <input
              {...aria}
              {...bind('name')}
              dir="auto"
              type="text"
              autocomplete="name"
              autofocus
            />
          ))}
          {field('email', (aria) => (
            <input
              {...aria}
              {...bind('email')}
              type="email"
              autocomplete="email"
              dir="ltr"
              required
            />
          ))}
          {field('company', (aria) => (
            <input
              {...aria}
              {...bind('company')}
              dir="auto"
              type="text"
              autocomplete="organization"
            />
          ))}
          {field('country', (aria) => (
            <input
              {...aria}
              {...bind('country')}
              dir="auto"
              type="text"
              autocomplete="country-name"
            />
          ))}
          {field('phone', (aria) => (
            <input {...aria} {...bind('phone')} type="tel" autocomplete="tel" dir="ltr" />
          ))}
        </div>
        {lines.length > 0 && (
          <ProductLines
            lines={lines}
            texts={t}
            errors={errors}
            onChange={actions.setLine}
            onRemove={(index) => {
              actions.removeLine(index);
              // The button goes away with its line: focus stays in the form, on the next product
              // or, with none left, on the quantity. After the re-render, queued before this.
              queueMicrotask(() =>
                form.current
                  ?.querySelector<HTMLElement>(
                    `#f-line${Math.min(index, lines.length - 2)}, #f-quantity`,
                  )
                  ?.focus(),
              );
            }}
          />
        )}
        {lines.length === 0 && (
          <div class="grid pair">
            {field('quantity', (aria) => (
              <input {...aria} {...bind('quantity')} inputMode="decimal" />
            ))}
            {field('unit', (aria) => (
              <select {...aria} {...bind('unit')}>
                {UNITS.map((unit) => (
                  <option key={unit} value={unit}>
                    {t[`unit.${unit}`]}
                  </option>
                ))}
              </select>
            ))}
          </div>
        )}
        <QuickQuestionChips
          texts={t}
          message={values.message}
          onChange={(message) => actions.setValue('message', message)}
        />
        <Field
          id="f-message"
          label={t.message}
          required
          error={errors.message}
          hint={
            <>
              <span>{t.messageHint}</span>
              <span class="count">
                {fill(t.charCount, { count: values.message.length, max: MESSAGE_MAX })}
              </span>
            </>
          }
        >
          {(aria) => <textarea {...aria} {...bind('message')} dir="auto" rows={5} required />}
        </Field>
        <AttachmentsField
          files={state.files.value}
          texts={t}
          error={errors.attachments}
          onAdd={actions.addFiles}
          onRemove={(index) => {
            actions.removeFile(index);
            // The button goes with its file: focus stays on the picker (after the re-render).
            queueMicrotask(() =>
              form.current?.querySelector<HTMLElement>('#f-attachments')?.focus(),
            );
          }}
        />
        {(waiting || errors.form) && (
          <div class="alert" role="alert">
            <p>
              {phase === 'queued' ? t.savedOffline : failure ? errorText(t, failure) : errors.form}
            </p>
            {waiting && (
              <button
                type="button"
                class="btn secondary"
                id="f-retry"
                onClick={(event) => {
                  focusTitle(event);
                  actions.retry();
                }}
              >
                {t.tryAgain}
              </button>
            )}
          </div>
        )}
        <p class="summary" role="status">
          {state.summary.value}
        </p>
        {/* Text, never markup: a site's override cannot inject HTML into the dialog. */}
        {consent && (
          <p class="consent" id="f-consent">
            {consent}
          </p>
        )}
        <div class="submit-row">
          {chat && <WhatsappChat href={chat} texts={t} />}
          <button
            type="submit"
            class="btn primary"
            disabled={phase === 'sending'}
            // Read out with the button: the visitor hears what they agree to as they send.
            aria-describedby={consent ? 'f-consent' : undefined}
          >
            {phase === 'sending' ? t.sending : t.send}
          </button>
        </div>
      </form>
    );
  }
}
