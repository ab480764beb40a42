import { batch } from '@preact/signals';
import {
  InquiryInput,
  type InquiryCreated,
  type PageContext,
  type ProductInput,
} from '../../contract/inquiry';
import type { Api } from '../api';
import { buildInquiry, type FormValues } from './build-inquiry';
import { invalidCount, issuesToErrors, serverErrors, type FieldErrors } from './form-errors';
import { report } from '../guard';
import { fill } from '../i18n/locale';
import type { FormTexts } from './i18n/en';
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
  removeProduct(): void;
  submit(): void;
  /** Sends the last validated inquiry again, unchanged. */
  retry(): void;
}

/** What the actions work on: the state, the API, the texts for errors, and the page context. */
export interface ActionsOptions {
  state: WidgetState;
  api: Api;
  texts: FormTexts;
  rep?: string;
  page: () => PageContext;
  /** The server accepted the inquiry (the conversation token is in `created`). */
  onCreated?: (created: InquiryCreated) => void;
}

/** Creates the form's actions over one state and API client. */
export const createActions = ({
  state,
  api,
  texts,
  rep,
  page,
  onCreated,
}: ActionsOptions): Actions => {
  let last: InquiryInput | null = null;

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

  const send = async (input: InquiryInput) => {
    last = input;
    batch(() => {
      state.phase.value = 'sending';
      state.failure.value = null;
      state.errors.value = {};
      state.summary.value = '';
    });
    const result = await api.submit(input);
    if (result.ok) {
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

  // Keeps who they are (name, email, company...) for the next inquiry; clears what it was about.
  const resetAfterSent = () => {
    if (state.phase.value !== 'sent') return;
    const { name, email, company, country, phone } = state.values.value;
    state.values.value = { ...emptyValues(), name, email, company, country, phone };
    state.product.value = null;
    state.created.value = null;
    state.phase.value = 'editing';
  };

  return {
    open(product) {
      batch(() => {
        resetAfterSent();
        if (state.phase.value === 'failed') state.phase.value = 'editing';
        // Mid-send the attached product is part of the request in flight: leave it be.
        if (state.phase.value !== 'sending') state.product.value = product ?? null;
        state.open.value = true;
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
      batch(() => {
        state.values.value = { ...state.values.value, [field]: value };
        const errors = state.errors.value;
        if (errors[field] !== undefined) {
          state.errors.value = { ...errors, [field]: undefined };
          if (invalidCount(state.errors.value) === 0) state.summary.value = '';
        }
      });
    },
    removeProduct() {
      batch(() => {
        state.product.value = null;
        state.errors.value = { ...state.errors.value, product: undefined };
      });
    },
    submit() {
      if (state.phase.value === 'sending') return;
      const input = buildInquiry({
        values: state.values.value,
        product: state.product.value,
        rep,
        page: page(),
      });
      const parsed = InquiryInput.safeParse(input);
      if (!parsed.success) return showErrors(issuesToErrors(parsed.error.issues, texts));
      send(input).catch(report);
    },
    retry() {
      if (last && state.phase.value !== 'sending') send(last).catch(report);
    },
  };
};
