import { describe, expect, test } from 'vitest';
import type { InquiryInput } from '../../contract/inquiry';
import { createActions } from './actions';
import type { Api, SubmitResult } from '../api';
import { en } from './i18n/en';
import { createState } from './state';

const page = { url: 'https://hengda.example/news' };

/** An API whose answers the test queues; it records what was sent. */
function scriptedApi(...answers: SubmitResult[]) {
  const sent: InquiryInput[] = [];
  const api: Api = {
    loadConfig: async () => ({ ok: false, code: 'NETWORK' }),
    submit: async (input) => {
      sent.push(input);
      return answers.shift() ?? { ok: false, code: 'INTERNAL' };
    },
  };
  return { api, sent };
}

const setup = (...answers: SubmitResult[]) => {
  const state = createState();
  const { api, sent } = scriptedApi(...answers);
  const actions = createActions({ state, api, texts: en, rep: 'moore-liu', page: () => page });
  const fill = () => {
    actions.setValue('email', 'anna@example.de');
    actions.setValue('message', 'We need 200 ball valves, DN50, PN40.');
  };
  return { state, actions, sent, fill };
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('submit', () => {
  test('invalid input is not sent; the errors and summary say why', () => {
    const { state, actions, sent } = setup();
    actions.open();
    actions.submit();
    expect(sent).toHaveLength(0);
    expect(state.errors.value).toEqual({
      email: en['invalid.email'],
      message: en['invalid.messageShort'].replace('{min}', '20'),
    });
    expect(state.summary.value).toBe('Please correct 2 fields.');
    expect(state.attempts.value).toBe(1);
  });

  test('typing in a field clears its error', () => {
    const { state, actions } = setup();
    actions.submit();
    actions.setValue('email', 'a');
    expect(state.errors.value.email).toBeUndefined();
    expect(state.summary.value).toBe('Please correct 2 fields.');
    actions.setValue('message', 'a');
    expect(state.summary.value).toBe('');
  });

  test('a 201 shows the sent state with the product and rep attached', async () => {
    const { state, actions, sent, fill } = setup({
      ok: true,
      created: { id: 'i1', rep: { name: 'Mr. Moore Liu' }, token: 'tok_1' },
    });
    actions.open({ name: 'Ball Valve' });
    fill();
    actions.submit();
    expect(state.phase.value).toBe('sending');
    await settle();
    expect(state.phase.value).toBe('sent');
    expect(sent[0]).toMatchObject({ rep: 'moore-liu', product: { name: 'Ball Valve' }, page });
  });

  test('closing after sending keeps who the visitor is and clears what it was about', async () => {
    const { state, actions, fill } = setup({
      ok: true,
      created: { id: 'i1', rep: null, token: 'tok_1' },
    });
    actions.open({ name: 'Ball Valve' });
    actions.setValue('name', 'Anna');
    fill();
    actions.submit();
    await settle();
    actions.closed();
    expect(state.phase.value).toBe('editing');
    expect(state.values.value).toMatchObject({
      name: 'Anna',
      email: 'anna@example.de',
      message: '',
    });
    expect(state.product.value).toBeNull();
  });

  test('server field errors land on the fields', async () => {
    const { state, actions, fill } = setup({
      ok: false,
      code: 'VALIDATION_FAILED',
      fields: { email: 'This domain does not accept mail.' },
    });
    fill();
    actions.submit();
    await settle();
    expect(state.phase.value).toBe('editing');
    expect(state.errors.value.email).toBe('This domain does not accept mail.');
    expect(state.summary.value).toBe('Please correct 1 field.');
  });

  test('a failure keeps the data; Try again sends the same inquiry', async () => {
    const { state, actions, sent, fill } = setup(
      { ok: false, code: 'NETWORK' },
      { ok: true, created: { id: 'i1', rep: null, token: 'tok_1' } },
    );
    fill();
    actions.submit();
    await settle();
    expect(state.phase.value).toBe('failed');
    expect(state.failure.value).toBe('NETWORK');
    expect(state.values.value.message).toBe('We need 200 ball valves, DN50, PN40.');
    actions.retry();
    await settle();
    expect(state.phase.value).toBe('sent');
    expect(sent[1]).toEqual(sent[0]);
  });
});

describe('open', () => {
  test('attaches the product, or none', () => {
    const { state, actions } = setup();
    actions.open({ name: 'Pump' });
    expect(state.product.value).toEqual({ name: 'Pump' });
    expect(state.open.value).toBe(true);
    actions.open();
    expect(state.product.value).toBeNull();
  });
});
