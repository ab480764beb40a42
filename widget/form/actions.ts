import { toJson } from '../json';
import { batch } from './signal';
import type {
  InquiryCreated,
  InquiryInput,
  PageContext,
  ProductInput,
} from '../../contract/inquiry';
import type { InquiryApi, SubmitResult, UploadResult } from '../api';
import { createUploads } from './attachments';
import { createFileActions } from './file-actions';
import { linesOf, sameProduct, type BasketStore } from './basket';
import { BASKET_MAX } from '../../contract/limits';
import { createLineActions } from './line-actions';
import { buildInquiry, formValues, type FormValues } from './build-inquiry';
import { checkInquiry } from './check-inquiry';
import { createSignalClock } from './client-signals';
import { consentText } from './consent';
import { invalidCount, issuesToErrors, serverErrors, type FieldErrors } from './form-errors';
import { report } from '../guard';
import { fill } from '../i18n/locale';
import type { FormTexts } from './i18n/en';
import { newIdempotencyKey } from '../../contract/idempotency-key';
import { applyPrefill, PREFILL_FIELDS } from './prefill';
import { createOutbox, type OutboxOptions } from './outbox';
import type { Submission } from './outbox-store';
import { emptyValues, type WidgetState } from './state';

/** What the views can do to the state. */
export interface Actions {
  open(product?: ProductInput): void;
  close(): void;
  /** The dialog closed (Close button, Escape): forget a finished inquiry. */
  closed(): void;
  /** Leaves the sent state for a blank form that keeps who the visitor is. */
  clearSent(): void;
  setValue(field: keyof FormValues, value: string): void;
  /** The page's `liaison('prefill')`: fills the fields the visitor has not edited. */
  prefill(values: Partial<FormValues>): void;
  /** Puts a product in the inquiry basket (`data-liaison-add`), without opening the dialog. */
  add(product: ProductInput): void;
  removeLine(index: number): void;
  setLine(index: number, field: 'quantity' | 'unit', value: string): void;
  /** Files the visitor chose; those the inquiry cannot take are left out, with a field error. */
  addFiles(files: File[]): void;
  removeFile(index: number): void;
  /** Sends the form; `honeypot` is what the hidden field holds (people leave it empty). */
  submit(honeypot?: string): void;
  /** Sends the last validated inquiry again, unchanged, with the same Idempotency-Key. */
  retry(): void;
  /** The form is on screen: the inquiry's time to fill it in counts from the first call. */
  shown(): void;
  /** Takes up an inquiry an earlier page view could not send, and sends it. */
  resume(): void;
  /** The form has what the visitor must see on opening: an inquiry in flight, kept, or refused. */
  holding(): boolean;
}

/** What the actions work on: the state, the API, the texts for errors, and the page context. */
export interface ActionsOptions {
  state: WidgetState;
  api: InquiryApi;
  texts: FormTexts;
  rep?: string;
  page: () => PageContext;
  /** The server accepted the inquiry (the conversation token is in `created`). */
  onCreated?: (created: InquiryCreated) => void;
  /** Where an inquiry that got no answer is kept and retried; absent: nowhere (Try again). */
  outbox?: Omit<OutboxOptions, 'send' | 'onSettled'>;
  /** Where the inquiry basket is kept across pages; absent: this page view only. */
  basket?: BasketStore;
  /** Uploads one attached file (api.ts createUploadApi); absent: files are refused. */
  upload?: (file: File) => Promise<UploadResult>;
  newKey?: () => string;
  now?: () => number;
}

// What a body asks, to tell whether two ask the same: the spam signals differ with every build of one, and a
// kept inquiry sent again from another of the site's pages is still that inquiry.
const asked = (body: InquiryInput) => toJson({ ...body, client: undefined, page: undefined });

/** Creates the form's actions over one state and API client. */
export const createActions = ({
  state,
  api,
  texts,
  rep,
  page,
  onCreated,
  outbox: keeping,
  basket,
  upload = async () => ({ ok: false, code: 'NETWORK' }),
  newKey = newIdempotencyKey,
  now = Date.now,
}: ActionsOptions): Actions => {
  const signals = createSignalClock(now);
  // The submission not yet answered for good: Try again, and Send unchanged, reuse its key.
  let last: Submission | null = null;
  // The kept inquiry was refused while the dialog was closed: the next opening shows why.
  let refused = false;
  // The fields whose value is the visitor's (typed, chosen, or their kept inquiry): a page's
  // prefill never overwrites them.
  const edited = new Set<keyof FormValues>();
  const uploadAll = createUploads(upload);
  // The honeypot of the last send: Try again after a failed upload sends the form again.
  let lastHoneypot = '';
  const lines = createLineActions({ state, basket, holding: () => held() });

  const showErrors = (errors: FieldErrors) => {
    const count = invalidCount(errors);
    batch(() => {
      state.errors.value = errors;
      state.summary.value =
        count === 0 ? '' : count === 1 ? texts.summaryOne : fill(texts.summaryMany, { count });
      state.phase.value = 'editing';
      state.attempts.value++;
    });
  };

  const settle = (result: SubmitResult) => {
    if (result.ok) {
      last = null;
      signals.reset();
      // Sent: its products are not kept for the site's next pages (the sent view still shows them).
      basket?.write([]);
      batch(() => {
        state.created.value = result.created;
        state.phase.value = 'sent';
        state.attempts.value++;
      });
      onCreated?.(result.created);
    } else if (result.fields && Object.keys(result.fields).length > 0) {
      showErrors(serverErrors(result.fields));
    } else {
      batch(() => {
        state.failure.value = result.code;
        state.phase.value = 'failed';
        state.attempts.value++;
      });
    }
  };

  // A send that throws (a page's broken fetch, no crypto.subtle for proof of work on an http
  // page) got no answer: the form is never left on "Sending", and the inquiry is kept.
  const submit = (submission: Submission) =>
    api
      .submit(submission.body, submission.key)
      .catch((): SubmitResult => ({ ok: false, code: 'NETWORK' }));

  const outbox =
    keeping &&
    createOutbox({
      ...keeping,
      send: submit,
      onSettled(result, submission) {
        refused = !result.ok && !state.open.value;
        // Answered while nobody looked: it waits on the device too, for the next page's form.
        if (!result.ok && refused) outbox?.hold(submission, result);
        settle(result);
      },
    });

  const queued = () => {
    batch(() => {
      state.phase.value = 'queued';
      state.attempts.value++;
    });
  };

  const send = async (submission: Submission) => {
    last = submission;
    batch(() => {
      state.phase.value = 'sending';
      state.failure.value = null;
      state.errors.value = {};
      state.summary.value = '';
    });
    if (outbox?.pending() === submission) {
      // A final answer comes through onSettled; still kept means still no answer.
      if (await outbox.retryNow()) queued();
      return;
    }
    // An edited inquiry replaces the kept one, which never got an answer.
    outbox?.drop();
    const result = await submit(submission);
    // No answer at all: kept on this device (the only write before a 201) and retried.
    if (!result.ok && result.code === 'NETWORK' && outbox?.keep(submission)) queued();
    else settle(result);
  };

  const sendBody = (body: InquiryInput) => {
    const submission =
      last && asked(last.body) === asked(body) ? last : { key: newKey(), body, since: now() };
    send(submission).catch(report);
  };

  const files = createFileActions({ state, texts, showErrors, settle });

  // Mid-send or kept, the form shows that inquiry: its product is not swapped for another.
  const held = () => state.phase.value === 'sending' || state.phase.value === 'queued' || refused;

  const say = (text: string, full: boolean) => {
    state.basketNote.value = { text, full, n: (state.basketNote.peek()?.n ?? 0) + 1 };
  };

  // Keeps who they are (name, email, company...) for the next inquiry; clears what it was about.
  const resetAfterSent = () => {
    if (state.phase.value !== 'sent') return;
    const { name, email, company, country, phone } = state.values.value;
    state.values.value = { ...emptyValues(), name, email, company, country, phone };
    for (const field of ['quantity', 'unit', 'message'] as const) edited.delete(field);
    state.product.value = null;
    state.files.value = [];
    lines.clear();
    state.created.value = null;
    state.phase.value = 'editing';
  };

  const actions: Actions = {
    open(product) {
      batch(() => {
        resetAfterSent();
        if (state.phase.value === 'failed' && !refused) state.phase.value = 'editing';
        if (!held()) {
          state.product.value = product ?? null;
          if (product) lines.add(product);
        }
        state.open.value = true;
        // Focus goes to what the server refused, as after a send the visitor watched; seen,
        // it is no longer kept on the device.
        if (refused) {
          state.attempts.value++;
          if (last) outbox?.forget(last.key);
        }
        refused = false;
      });
    },
    close() {
      state.open.value = false;
    },
    closed() {
      batch(() => {
        state.open.value = false;
        resetAfterSent();
      });
    },
    clearSent() {
      batch(resetAfterSent);
    },
    setValue(field, value) {
      edited.add(field);
      batch(() => {
        state.values.value = { ...state.values.value, [field]: value };
        const errors = state.errors.value;
        if (errors[field] !== undefined) {
          state.errors.value = { ...errors, [field]: undefined };
          if (invalidCount(state.errors.value) === 0) state.summary.value = '';
        }
      });
    },
    prefill(values) {
      state.values.value = applyPrefill(state.values.value, values, edited);
    },
    add(product) {
      batch(() => {
        resetAfterSent();
        if (held()) return;
        const before = state.lines.value;
        lines.add(product);
        if (state.lines.value === before) {
          // Not added (basket.ts addLine): already in it, nothing to say; else the basket is
          // full, said, or the page's button seems dead.
          if (!before.some((line) => sameProduct(line.product, product)))
            say(fill(texts.basketFull, { max: BASKET_MAX }), true);
          return;
        }
        const count = state.lines.value.length;
        say(fill(texts.basketAdded, { name: product.name, count }), false);
      });
    },
    removeLine: lines.remove,
    setLine: lines.set,
    addFiles: files.add,
    removeFile: files.remove,
    submit(honeypot = '') {
      if (state.phase.value === 'sending') return;
      lastHoneypot = honeypot;
      const input: InquiryInput = {
        ...buildInquiry({
          values: state.values.value,
          lines: state.lines.value,
          rep,
          page: page(),
          // The same call the form renders with: what is sent is what the visitor saw.
          consent: consentText(texts, state.config.value?.site.name),
        }),
        client: signals.read(honeypot),
      };
      const issues = checkInquiry(input);
      if (issues.length > 0) return showErrors(issuesToErrors(issues, texts));
      const chosen = state.files.value;
      // Without files, in this task: the form shows "Sending" at once.
      if (chosen.length === 0) return sendBody(input);
      // Try again after a failed upload sends this form again, not an older submission.
      last = null;
      state.phase.value = 'sending';
      uploadAll(chosen)
        .then((uploads) => {
          if (uploads.ok) sendBody({ ...input, attachments: uploads.ids });
          else files.uploadFailed(uploads);
        })
        .catch(() => settle({ ok: false, code: 'NETWORK' }));
    },
    retry() {
      if (state.phase.value === 'sending') return;
      if (last) send(last).catch(report);
      // The files never went up: the whole form goes again.
      else actions.submit(lastHoneypot);
    },
    shown: signals.shown,
    resume() {
      const kept = outbox?.restore();
      if (!kept) return;
      last = kept;
      // Every field of their kept inquiry is the visitor's, filled in or left empty.
      for (const field of PREFILL_FIELDS) edited.add(field);
      batch(() => {
        state.values.value = formValues(kept.body);
        // A kept body of an older release names one product, with the inquiry's quantity.
        const { products, product, quantity, unit } = kept.body;
        state.lines.value = linesOf(products ?? (product ? [{ ...product, quantity, unit }] : []));
        state.phase.value = 'queued';
        // Refused on an earlier page, unseen: shown as refused when the visitor opens the form.
        if (kept.refused) {
          refused = true;
          settle({ ok: false, ...kept.refused });
        }
      });
    },
    holding: held,
  };
  return actions;
};
