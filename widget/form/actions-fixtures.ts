// The actions tests' fixtures: a scripted API, the actions on fresh state, a memory outbox.
import type { InquiryInput } from '../../contract/inquiry';
import { createActions, type ActionsOptions } from './actions';
import type { InquiryApi, SubmitResult } from '../api';
import { en } from './i18n/en';
import { createOutboxStore } from './outbox-store';
import { createState } from './state';
import { memoryStorage } from './memory-storage';

// The actions tests' fixtures: a scripted API, the actions on fresh state, a memory outbox.

export const page = { url: 'https://hengda.example/news' };

/** An API whose answers the test queues; it records what was sent. */
export function scriptedApi(...answers: SubmitResult[]) {
  const sent: InquiryInput[] = [];
  const keys: string[] = [];
  const api: InquiryApi = {
    submit: async (input, key) => {
      sent.push(input);
      keys.push(key);
      return answers.shift() ?? { ok: false, code: 'INTERNAL' };
    },
  };
  return { api, sent, keys };
}

export const setup = (answers: SubmitResult[] = [], options: Partial<ActionsOptions> = {}) => {
  const state = createState();
  const { api, sent, keys } = scriptedApi(...answers);
  let count = 0;
  const actions = createActions({
    state,
    api,
    texts: en,
    rep: 'moore-liu',
    page: () => page,
    newKey: () => `key-${++count}`,
    ...options,
  });
  const fill = () => {
    actions.setValue('email', 'anna@example.de');
    actions.setValue('message', 'We need 200 ball valves, DN50, PN40.');
  };
  return { state, actions, sent, keys, fill };
};

/** An outbox over memory storage; `online` events are the test's to fire. */
export const withOutbox = (storage = memoryStorage()) => {
  const events = new EventTarget();
  const outbox = { store: createOutboxStore({ site: 'demo', storage: () => storage }), events };
  return { storage, events, outbox };
};

export const created = (token = 'tok_1'): SubmitResult => ({
  ok: true,
  created: { id: 'i1', rep: null, token },
});

export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
