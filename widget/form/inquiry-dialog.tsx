import { Component, createRef, type RefObject } from 'preact';
import type { Actions } from './actions';
import type { ConversationActions } from './conversation-actions';
import type { FormTexts } from './i18n/en';
import { fill, type Locale } from '../i18n/locale';
import { CloseIcon } from './icons';
import { InquiryForm } from './inquiry-form';
import { SentView } from './sent-view';
import type { View, WidgetState } from './state';
import type { ThreadState } from './thread-state';
import { chatHref } from './whatsapp-chat';
import { ThreadView } from './thread-view';

/** The dialog renders from the shared state and changes it only through the actions. */
export interface InquiryDialogProps {
  state: WidgetState;
  thread: ThreadState;
  actions: Actions;
  conversation: ConversationActions;
  locale: Locale<FormTexts>;
}

/**
 * The modal `<dialog>`: `showModal()` gives the top layer, the focus trap, Escape and focus
 * return to the button that opened it, with no code of ours. It shows the inquiry form or,
 * once the visitor has sent something, their thread. A class for its after-render work, so
 * the form module carries no hooks runtime.
 */
export class InquiryDialog extends Component<InquiryDialogProps> {
  declare dialog: RefObject<HTMLDialogElement | null>;
  /** The view on screen after the last render. */
  declare shown: View;
  /** Whether the state said open at the last render (none yet: undefined). */
  declare wasOpen: boolean | undefined;

  // Set here, not as class fields: for the form's browsers the build would add helpers.
  constructor(props: InquiryDialogProps) {
    super(props);
    this.dialog = createRef();
    this.shown = props.state.view.peek();
  }

  override componentDidMount() {
    this.opened();
  }

  override componentDidUpdate() {
    this.opened();
    // Switching views inside the open dialog removes the focused element: focus goes to where
    // the new view starts (the form's first field, or the thread's heading, read out first).
    const view = this.props.state.view.peek();
    if (this.shown === view) return;
    this.shown = view;
    const element = this.dialog.current;
    if (element?.open)
      element.querySelector<HTMLElement>(view === 'form' ? '#f-name' : '#title')?.focus();
  }

  /**
   * Opens or closes the native dialog when the state's `open` changed, right after the render.
   * Only then: after Escape the dialog is closed a moment before its `close` event tells the
   * state, and a render in that moment must not open it again.
   */
  opened() {
    const isOpen = this.props.state.open.peek();
    if (isOpen === this.wasOpen) return;
    this.wasOpen = isOpen;
    const element = this.dialog.current;
    if (isOpen && !element?.open) element?.showModal();
    if (!isOpen && element?.open) element.close();
  }

  override render({ state, thread, actions, conversation, locale }: InquiryDialogProps) {
    const t = locale.texts;
    const view = state.view.value;
    const config = state.config.value;
    const recipient = config?.rep?.name ?? config?.site.name;
    const talk = thread.conversation.value;
    const talkingWith = talk?.rep?.name ?? talk?.site.name;
    const hasThread = thread.token.value !== null;

    const title =
      view === 'thread'
        ? talkingWith
          ? fill(t.threadTitle, { name: talkingWith })
          : t.threadTitleNoName
        : recipient
          ? fill(t.formTitle, { name: recipient })
          : t.formTitleNoName;

    return (
      <dialog
        ref={this.dialog}
        class="dialog"
        lang={locale.lang}
        dir={locale.dir}
        aria-labelledby="title"
        // The site's theme colour, its contrast kept (server/domain/theme.ts).
        style={config?.site.theme ?? undefined}
        onClose={(event) => {
          // `close` is dispatched as a task: if the dialog was reopened meanwhile, it is stale.
          if (!event.currentTarget.open) actions.closed();
        }}
      >
        <button type="button" class="icon-btn close" aria-label={t.close} onClick={actions.close}>
          <CloseIcon />
        </button>
        {/* The dialog keeps its name in every state; the sent view adds its own heading. The
          thread has no field to start in, so its heading takes focus when the dialog opens. */}
        <h2 class="title" id="title" tabIndex={-1} autofocus={view === 'thread'}>
          {title}
        </h2>
        {view === 'thread' ? (
          <ThreadView thread={thread} actions={conversation} locale={locale} />
        ) : state.phase.value === 'sent' ? (
          <SentView
            locale={locale}
            recipient={state.created.value?.rep?.name ?? config?.site.name ?? t.fallbackRecipient}
            email={state.values.value.email.trim()}
            onClose={actions.close}
            onView={hasThread ? conversation.showThread : undefined}
            // Only with the rep the card showed, whose number it is: routing may have chosen
            // another (a returning buyer's rep).
            chat={state.created.value?.rep?.name === config?.rep?.name ? chatHref(state) : null}
          />
        ) : (
          <InquiryForm
            state={state}
            actions={actions}
            locale={locale}
            onBack={hasThread ? conversation.showThread : undefined}
          />
        )}
      </dialog>
    );
  }
}
