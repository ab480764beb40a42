import { batch } from '@preact/signals';
import { newIdempotencyKey } from '../contract/idempotency-key';
import type { InboxMessage, InquiryDetail, InquiryUpdate, ReplyInput } from '../contract/inbox';
import type { InboxApi } from './api';
import type { ApiResult } from './api-error';
import { createDrafts, type Drafts } from './drafts';
import type { ListActions } from './list-actions';
import { report } from './report';
import type { InboxState } from './state';

/** What the inquiry screen can do. */
export interface InquiryActions {
  /** Shows inquiry `id`, loading it (and marking it read) unless it is already on screen. */
  open(id: string): Promise<void>;
  /** Reloads the inquiry on screen quietly, after a live event. */
  reload(): Promise<void>;
  /** The tab is seen again: what came in while it was hidden is marked read now. */
  seen(): void;
  close(): void;
  /** Sends a reply or note; sending the same again after a failure reuses its key. */
  send(input: ReplyInput): Promise<ApiResult<InboxMessage>>;
  /** The unsent reply of an inquiry, kept across screens (drafts.ts). */
  draftOf(id: string): string;
  keepDraft(id: string, text: string): void;
  update(input: InquiryUpdate): Promise<ApiResult<InquiryDetail>>;
  /** Loads the site's reps for the reassignment select (admins). */
  loadReps(): Promise<void>;
}

/** What the inquiry actions work on. */
export interface InquiryActionsOptions {
  api: InboxApi;
  state: InboxState;
  list: ListActions;
  drafts?: Drafts;
  /** Whether the rep can see the page (a hidden tab reads nothing). */
  visible?: () => boolean;
  newKey?: () => string;
}

/** Creates the inquiry actions. */
export const createInquiryActions = ({
  api,
  state,
  list,
  drafts = createDrafts(),
  visible = () => document.visibilityState === 'visible',
  newKey = newIdempotencyKey,
}: InquiryActionsOptions): InquiryActions => {
  const detail = state.detail;
  const signedInId = () => {
    const session = state.session.peek();
    return session.state === 'signed-in' ? session.me.id : '';
  };
  let currentId: string | null = null;
  let generation = 0;
  // The reply or note not yet answered for good: sending it again reuses its key, so one whose
  // answer was lost is not stored and mailed twice.
  let unanswered: { id: string; body: string; kind: string; key: string } | null = null;
  // The thread length last marked read: the read call goes out once per new visitor message,
  // and a server that keeps answering `unread` cannot start a loop.
  let readAt = '';

  const markReadIfNeeded = async (inquiry: InquiryDetail) => {
    const key = `${inquiry.id}:${inquiry.messages.length}`;
    if (!(inquiry.unread || inquiry.status === 'new') || readAt === key || !visible()) return;
    readAt = key;
    list.markRead(inquiry.id);
    const result = await api.markRead(inquiry.id);
    if (!result.ok) {
      console.warn('[inbox] could not mark read', result.error);
      return;
    }
    // Reading moves a new inquiry to open: show the status the server now has.
    await Promise.all([reload(), list.refresh()]);
  };

  const show = (inquiry: InquiryDetail) => {
    batch(() => {
      detail.inquiry.value = inquiry;
      detail.error.value = null;
    });
    markReadIfNeeded(inquiry).catch(report);
  };

  async function reload() {
    const id = currentId;
    if (id === null) return;
    const mine = ++generation;
    const result = await api.inquiry(id);
    if (mine !== generation) return;
    // It may have replaced the first load (open's, now dropped): this answer ends the loading.
    detail.loading.value = false;
    if (result.ok) show(result.value);
    // A failed quiet reload keeps what is on screen, and the next event tries again; but an
    // inquiry gone from this rep (reassigned, deleted), or none on screen yet, shows the error.
    else if (result.error.code === 'NOT_FOUND' || detail.inquiry.value?.id !== id) {
      batch(() => {
        detail.inquiry.value = null;
        detail.error.value = result.error;
      });
    }
  }

  return {
    async open(id) {
      if (currentId === id && detail.inquiry.value?.id === id) return;
      currentId = id;
      const mine = ++generation;
      batch(() => {
        detail.inquiry.value = null;
        detail.error.value = null;
        detail.loading.value = true;
      });
      const result = await api.inquiry(id);
      if (mine !== generation) return;
      detail.loading.value = false;
      if (result.ok) show(result.value);
      else detail.error.value = result.error;
    },
    reload,
    seen() {
      const inquiry = detail.inquiry.value;
      if (inquiry) markReadIfNeeded(inquiry).catch(report);
    },
    close() {
      currentId = null;
      generation++;
      batch(() => {
        detail.inquiry.value = null;
        detail.error.value = null;
        detail.loading.value = false;
      });
    },
    async send(input) {
      const id = currentId;
      if (id === null) throw new Error('no inquiry open');
      const { body, kind } = input;
      const earlier = unanswered;
      const sending =
        earlier?.id === id && earlier.body === body && earlier.kind === kind
          ? earlier
          : { id, body, kind, key: newKey() };
      unanswered = sending;
      const result = await api.send(id, input, sending.key);
      if (result.ok) {
        if (unanswered === sending) unanswered = null;
        const inquiry = detail.inquiry.value;
        if (inquiry?.id === id && !inquiry.messages.some((m) => m.id === result.value.id)) {
          detail.inquiry.value = { ...inquiry, messages: [...inquiry.messages, result.value] };
        }
        // A reply changes the status (waiting) and the list's order.
        Promise.all([reload(), list.refresh()]).catch(report);
      }
      return result;
    },
    async update(input) {
      const id = currentId;
      if (id === null) throw new Error('no inquiry open');
      const result = await api.update(id, input);
      if (result.ok && currentId === id) {
        generation++;
        // The thread as it stands after the rep's own change is read: "back to New" must not
        // be made open again by the reload its event brings.
        readAt = `${id}:${result.value.messages.length}`;
        detail.inquiry.value = result.value;
        list.refresh().catch(report);
      }
      return result;
    },
    // Kept per rep too: another who signs in on this tab after a session ended sees none.
    draftOf: (id) => drafts.get(`${signedInId()}:${id}`),
    keepDraft: (id, text) => drafts.set(`${signedInId()}:${id}`, text),
    async loadReps() {
      const result = await api.reps();
      if (result.ok) state.reps.value = result.value;
      else console.warn('[inbox] could not load reps', result.error);
    },
  };
};
