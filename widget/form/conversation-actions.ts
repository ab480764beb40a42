import { batch } from './signal';
import type { ProductInput } from '../../contract/inquiry';
import { MESSAGE_MAX } from '../../contract/limits';
import type { ConversationApi, ConversationResult } from '../api';
import { report } from '../guard';
import { fill } from '../i18n/locale';
import type { Actions } from './actions';
import { checkReply } from './check-inquiry';
import type { FormTexts } from './i18n/en';
import { newIdempotencyKey } from '../../contract/idempotency-key';
import type { WidgetState } from './state';
import type { ThreadState } from './thread-state';
import { newRepMessages, withMessage } from './thread-updates';
import type { TokenStore } from './token-store';

/** What the dialog and the loader can do about the visitor's conversation. */
export interface ConversationActions {
  /**
   * Opens the dialog: the thread when one is kept and no product is asked about (none given,
   * none in the basket), else the form.
   */
  open(product?: ProductInput): void;
  showThread(): void;
  /** Leaves the thread for a blank inquiry form. */
  newInquiry(): void;
  /** Keeps a token the visitor earned (a 201, or their own mail link). */
  remember(token: string): void;
  /** Fetches the thread again (live updates, Try again). */
  reload(): void;
  setDraft(value: string): void;
  sendReply(): void;
}

/** The states, the form's actions, the API and the token store the conversation works with. */
export interface ConversationActionsOptions {
  state: WidgetState;
  thread: ThreadState;
  form: Actions;
  api: ConversationApi;
  tokens: TokenStore;
  texts: FormTexts;
  newKey?: () => string;
}

/** Creates the conversation's actions. */
export const createConversationActions = ({
  state,
  thread,
  form,
  api,
  tokens,
  texts,
  newKey = newIdempotencyKey,
}: ConversationActionsOptions): ConversationActions => {
  let loading = false;
  let again = false;
  // The follow-up not yet answered for good: sending it again (Try again) reuses its key, so
  // one whose answer was lost is not posted twice.
  let unanswered: { token: string; body: string; key: string } | null = null;

  // The token is unknown or revoked: forget it, and keep what the visitor typed for the form.
  const forget = () => {
    tokens.clear();
    const draft = thread.draft.value.trim();
    batch(() => {
      thread.token.value = null;
      thread.conversation.value = null;
      thread.status.value = 'idle';
      thread.draft.value = '';
      thread.replyPhase.value = 'editing';
      if (draft && !state.values.value.message.trim()) form.setValue('message', draft);
      state.view.value = 'form';
      if (state.open.value) form.open();
    });
  };

  const announce = (before: ThreadState['conversation']['value']) => {
    const after = thread.conversation.value;
    const fresh = after ? newRepMessages(before?.messages ?? null, after.messages) : [];
    const last = fresh[fresh.length - 1];
    if (!last) return;
    const name = last.authorName ?? after?.rep?.name ?? texts.fallbackRecipient;
    const text =
      fresh.length === 1
        ? fill(texts.newReply, { name })
        : fill(texts.newReplies, { count: fresh.length, name });
    // A live region reads a change only: the same words twice in a row need to differ.
    thread.announcement.value = text === thread.announcement.value ? `${text}\u00a0` : text;
  };

  const apply = (result: ConversationResult) => {
    if (result.ok) {
      const before = thread.conversation.value;
      batch(() => {
        thread.conversation.value = result.conversation;
        thread.status.value = 'ready';
        thread.failure.value = null;
        announce(before);
      });
    } else if (result.code === 'CONVERSATION_NOT_FOUND') {
      forget();
    } else if (!thread.conversation.value) {
      batch(() => {
        thread.status.value = 'failed';
        thread.failure.value = result.code;
      });
    } else if (result.code !== 'NETWORK') {
      // The thread on screen stays and the next event or poll tries again; a visitor going
      // offline is no news for the site owner, a failing server is.
      report(`conversation refresh failed: ${result.code}`);
    }
  };

  const load = async (): Promise<void> => {
    const token = thread.token.value;
    if (!token) return;
    // One request at a time; news during it means one more afterwards.
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    if (!thread.conversation.value) thread.status.value = 'loading';
    const result = await api.load(token).finally(() => {
      loading = false;
    });
    // A newer inquiry may have replaced the token meanwhile: then this answer is stale.
    if (token === thread.token.value) apply(result);
    if (again) {
      again = false;
      await load();
    }
  };

  const reload = () => {
    load().catch(report);
  };

  const showThread = () => {
    batch(() => {
      form.clearSent();
      state.view.value = 'thread';
      state.open.value = true;
    });
    reload();
  };

  const sendReply = async ({ token, body, key }: { token: string; body: string; key: string }) => {
    batch(() => {
      thread.replyPhase.value = 'sending';
      thread.replyFailure.value = null;
      thread.draftError.value = '';
    });
    const result = await api.reply(token, { body }, key);
    // Another conversation replaced this one meanwhile: its answer is not news for the one on
    // screen, whose Send works again.
    if (token !== thread.token.value) {
      thread.replyPhase.value = 'editing';
      return;
    }
    if (result.ok) {
      unanswered = null;
      const { message } = result;
      const conversation = thread.conversation.value;
      batch(() => {
        // Only the text sent goes: what the visitor typed on meanwhile stays in the box.
        const draft = thread.draft.value.trim();
        thread.draft.value = draft.startsWith(body) ? draft.slice(body.length).trim() : draft;
        thread.replyPhase.value = 'editing';
        thread.replyAttempts.value++;
        if (message && conversation) {
          thread.conversation.value = {
            ...conversation,
            messages: withMessage(conversation.messages, message),
          };
        }
      });
      if (!message || !conversation) reload();
    } else if (result.code === 'CONVERSATION_NOT_FOUND') {
      forget();
    } else {
      const field = result.fields && Object.values(result.fields)[0];
      batch(() => {
        if (field) thread.draftError.value = field;
        else thread.replyFailure.value = result.code;
        thread.replyPhase.value = field ? 'editing' : 'failed';
        thread.replyAttempts.value++;
      });
    }
  };

  return {
    open(product) {
      // Another tab of the site may have started (or ended) a conversation since.
      thread.token.value = tokens.get();
      const asking = product || state.lines.value.length > 0;
      if (asking || !thread.token.value || form.holding()) {
        batch(() => {
          state.view.value = 'form';
          form.open(product);
        });
      } else showThread();
    },
    showThread,
    newInquiry() {
      batch(() => {
        state.view.value = 'form';
        form.open();
      });
    },
    remember(token) {
      if (!token) return;
      tokens.set(token);
      if (token === thread.token.value) return;
      batch(() => {
        thread.token.value = token;
        thread.conversation.value = null;
        thread.status.value = 'idle';
        thread.announcement.value = '';
      });
    },
    reload,
    setDraft(value) {
      batch(() => {
        thread.draft.value = value;
        thread.draftError.value = '';
      });
    },
    sendReply() {
      const token = thread.token.value;
      if (!token || thread.replyPhase.value === 'sending') return;
      const { body, issue } = checkReply(thread.draft.value);
      if (issue) {
        const tooBig = issue === 'too_big';
        batch(() => {
          thread.draftError.value = tooBig
            ? fill(texts['invalid.messageLong'], { max: MESSAGE_MAX })
            : texts['invalid.replyEmpty'];
          thread.replyAttempts.value++;
        });
        return;
      }
      const retrying = unanswered?.token === token && unanswered.body === body ? unanswered : null;
      unanswered = retrying ?? { token, body, key: newKey() };
      sendReply(unanswered).catch(report);
    },
  };
};
