import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Actions } from './actions';
import type { FormTexts } from './i18n/en';
import { fill, type Locale } from '../i18n/locale';
import { CloseIcon } from './icons';
import { InquiryForm } from './inquiry-form';
import { SentView } from './sent-view';
import type { WidgetState } from './state';

/** The dialog renders from the shared state and changes it only through the actions. */
export interface InquiryDialogProps {
  state: WidgetState;
  actions: Actions;
  locale: Locale<FormTexts>;
}

/**
 * The modal `<dialog>`: `showModal()` gives the top layer, the focus trap, Escape and focus
 * return to the button that opened it, with no code of ours.
 */
export function InquiryDialog({ state, actions, locale }: InquiryDialogProps) {
  const t = locale.texts;
  const dialog = useRef<HTMLDialogElement>(null);
  const isOpen = state.open.value;
  const config = state.config.value;
  const recipient = config?.rep?.name ?? config?.site.name;

  useLayoutEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (isOpen && !element.open) element.showModal();
    if (!isOpen && element.open) element.close();
  }, [isOpen]);

  return (
    <dialog
      ref={dialog}
      class="dialog"
      lang={locale.lang}
      dir={locale.dir}
      aria-labelledby="title"
      onClose={(event) => {
        // `close` is dispatched as a task: if the dialog was reopened meanwhile, it is stale.
        if (!event.currentTarget.open) actions.closed();
      }}
    >
      <button type="button" class="icon-btn close" aria-label={t.close} onClick={actions.close}>
        <CloseIcon />
      </button>
      {/* The dialog keeps its name in every state; the sent view adds its own heading. */}
      <h2 class="title" id="title">
        {recipient ? fill(t.formTitle, { name: recipient }) : t.formTitleNoName}
      </h2>
      {state.phase.value === 'sent' ? (
        <SentView
          locale={locale}
          recipient={state.created.value?.rep?.name ?? config?.site.name ?? t.fallbackRecipient}
          email={state.values.value.email.trim()}
          onClose={actions.close}
        />
      ) : (
        <InquiryForm state={state} actions={actions} locale={locale} />
      )}
    </dialog>
  );
}
