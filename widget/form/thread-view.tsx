import type { ConversationActions } from './conversation-actions';
import { errorText } from './error-text';
import type { FormTexts } from './i18n/en';
import { fill, type Locale } from '../i18n/locale';
import { focusTitle } from './keep-focus';
import { MessageList } from './message-list';
import { ReplyForm } from './reply-form';
import type { ThreadState } from './thread-state';

/** The thread renders from its state and changes it only through the actions. */
export interface ThreadViewProps {
  thread: ThreadState;
  actions: ConversationActions;
  locale: Locale<FormTexts>;
}

/** The visitor's conversation: who they write with, the messages, and the follow-up box. */
export function ThreadView({ thread, actions, locale }: ThreadViewProps) {
  const t = locale.texts;
  const conversation = thread.conversation.value;
  const failure = thread.failure.value;
  const rep = conversation?.rep ?? null;
  const recipient = rep?.name ?? conversation?.site.name ?? t.fallbackRecipient;
  const products = conversation?.products.map((p) => (p.sku ? `${p.name} (${p.sku})` : p.name));
  const newInquiry = (
    <button type="button" class="btn secondary" onClick={actions.newInquiry}>
      {t.newInquiry}
    </button>
  );

  return (
    <div class="thread">
      {rep && (
        <div class="thread-rep">
          {rep.photoUrl && <img src={rep.photoUrl} width={40} height={40} alt="" />}
          <p>
            <span class="thread-rep-name" dir="auto">
              {rep.name}
            </span>
            {rep.title && (
              <span class="thread-rep-title" dir="auto">
                {rep.title}
              </span>
            )}
          </p>
        </div>
      )}
      {products && products.length > 0 && (
        <p class="about">{fill(t.about, { products: products.join(', ') })}</p>
      )}
      {conversation ? (
        <MessageList messages={conversation.messages} locale={locale} repName={recipient} />
      ) : thread.status.value === 'failed' && failure ? (
        <div class="alert" role="alert">
          <p>{errorText(t, failure)}</p>
          <button
            type="button"
            class="btn secondary"
            onClick={(event) => {
              focusTitle(event);
              actions.reload();
            }}
          >
            {t.tryAgain}
          </button>
        </div>
      ) : (
        <p class="loading" role="status">
          {t.loadingThread}
        </p>
      )}
      {/* Present from the start: a live region announces changes, not its first content. */}
      <p class="sr-only" aria-live="polite">
        {thread.announcement.value}
      </p>
      {conversation ? (
        <ReplyForm
          thread={thread}
          actions={actions}
          texts={t}
          recipient={recipient}
          aside={newInquiry}
        />
      ) : (
        <div class="thread-actions">{newInquiry}</div>
      )}
    </div>
  );
}
