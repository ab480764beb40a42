import { describe, expect, test } from 'vitest';
import { consentText } from './consent';
import type { SubmitResult } from '../api';
import { en } from './i18n/en';
import type { Submission } from './outbox-store';
import { page, setup, withOutbox, created, settle } from './actions-fixtures';

describe('submit', () => {
  test('invalid input is not sent; the errors and summary say why', () => {
    const { state, actions, sent } = setup([]);
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
    const { state, actions } = setup([]);
    actions.submit();
    actions.setValue('email', 'a');
    expect(state.errors.value.email).toBeUndefined();
    expect(state.summary.value).toBe('Please correct 2 fields.');
    actions.setValue('message', 'a');
    expect(state.summary.value).toBe('');
  });

  test('a 201 shows the sent state with the product and rep attached', async () => {
    const { state, actions, sent, fill } = setup([
      { ok: true, created: { id: 'i1', rep: { name: 'Mr. Moore Liu' }, token: 'tok_1' } },
    ]);
    actions.open({ name: 'Ball Valve' });
    fill();
    actions.submit();
    expect(state.phase.value).toBe('sending');
    await settle();
    expect(state.phase.value).toBe('sent');
    expect(sent[0]).toMatchObject({ rep: 'moore-liu', products: [{ name: 'Ball Valve' }], page });
  });

  test("sends the consent text the form shows, with the site's name once it is known", async () => {
    const { state, actions, sent, fill } = setup([created(), created()]);
    fill();
    actions.submit();
    expect(sent[0]?.consent).toBe(en.consentNoName);
    await settle();
    actions.clearSent();
    fill();
    state.config.value = {
      site: {
        name: 'Hengda Fluid Control',
        replyPromiseHours: 24,
        themeColor: null,
        theme: null,
      },
      rep: null,
      texts: null,
    };
    actions.submit();
    expect(sent[1]?.consent).toBe(consentText(en, 'Hengda Fluid Control'));
  });

  test('closing after sending keeps who the visitor is and clears what it was about', async () => {
    const { state, actions, fill } = setup([created()]);
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
    const { state, actions, fill } = setup([
      {
        ok: false,
        code: 'VALIDATION_FAILED',
        fields: { email: 'This domain does not accept mail.' },
      },
    ]);
    fill();
    actions.submit();
    await settle();
    expect(state.phase.value).toBe('editing');
    expect(state.errors.value.email).toBe('This domain does not accept mail.');
    expect(state.summary.value).toBe('Please correct 1 field.');
  });

  test('without storage, no answer is a failure; Try again sends the same inquiry', async () => {
    const { state, actions, sent, fill } = setup([{ ok: false, code: 'NETWORK' }, created()]);
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
    const { state, actions } = setup([]);
    actions.open({ name: 'Pump' });
    expect(state.product.value).toEqual({ name: 'Pump' });
    expect(state.open.value).toBe(true);
    actions.open();
    expect(state.product.value).toBeNull();
  });
});

describe('prefill', () => {
  test("fills the page's values and never overwrites what the visitor typed", () => {
    const { state, actions } = setup([]);
    actions.setValue('name', 'Anna');
    actions.prefill({ name: 'Page Name', company: 'Berg GmbH', unit: 'sets' });
    expect(state.values.value).toMatchObject({ name: 'Anna', company: 'Berg GmbH', unit: 'sets' });
    // A later prefill replaces the page's own values, still not the visitor's.
    actions.prefill({ name: 'Other', company: 'Berg AG' });
    expect(state.values.value).toMatchObject({ name: 'Anna', company: 'Berg AG' });
  });

  test('after a send, the message is free for the page again; who they are is not', async () => {
    const { state, actions, fill } = setup([created()]);
    fill();
    actions.submit();
    await settle();
    actions.clearSent();
    actions.prefill({ email: 'page@example.com', message: 'About the pumps, please.' });
    expect(state.values.value.email).toBe('anna@example.de');
    expect(state.values.value.message).toBe('About the pumps, please.');
  });

  test('an inquiry kept on this device is left as it is', () => {
    const { storage, outbox } = withOutbox();
    const body = { email: 'anna@example.de', message: 'We need 200 ball valves, DN50, PN40.' };
    storage.items.set('liaison:demo:outbox', JSON.stringify({ key: 'kept-key', body, since: 0 }));
    const { state, actions } = setup([], { outbox });
    actions.resume();
    actions.prefill({ company: 'Page Co', email: 'page@example.com' });
    expect(state.values.value).toMatchObject({ company: '', email: 'anna@example.de' });
  });
});

describe('delivery', () => {
  test('each inquiry gets its own key; Try again and an unchanged Send reuse it', async () => {
    const failed: SubmitResult = { ok: false, code: 'INTERNAL' };
    const { state, actions, keys, fill } = setup([failed, failed, failed, created(), created()]);
    fill();
    actions.submit();
    await settle();
    actions.retry();
    await settle();
    // Send again, unchanged: the same inquiry, so the same key.
    actions.submit();
    await settle();
    actions.setValue('message', 'We need 300 ball valves, DN50, PN40.');
    actions.submit();
    await settle();
    expect(state.phase.value).toBe('sent');
    expect(keys).toEqual(['key-1', 'key-1', 'key-1', 'key-2']);
    // The same words once more, after it was sent, are a new inquiry.
    actions.clearSent();
    fill();
    actions.submit();
    await settle();
    expect(keys[4]).toBe('key-3');
  });

  test("an unanswered inquiry sent again from another of the site's pages keeps its key", async () => {
    let where = page;
    const failed: SubmitResult = { ok: false, code: 'INTERNAL' };
    const { actions, keys, fill } = setup([failed, created()], { page: () => where });
    fill();
    actions.submit();
    await settle();
    where = { url: 'https://hengda.example/products/ball-valve' };
    actions.submit();
    await settle();
    expect(keys).toEqual(['key-1', 'key-1']);
  });

  test('the spam signals: time since the form was first shown, and the hidden field', async () => {
    let time = 10_000;
    const { actions, sent, fill } = setup([created(), created()], { now: () => time });
    actions.shown();
    time += 3_000;
    actions.shown();
    fill();
    actions.submit('https://spam.example');
    await settle();
    expect(sent[0]?.client).toEqual({ elapsedMs: 3_000, honeypot: 'https://spam.example' });
    // The next inquiry is timed from its own form.
    actions.clearSent();
    time += 60_000;
    actions.shown();
    time += 2_500;
    fill();
    actions.submit();
    await settle();
    expect(sent[1]?.client).toEqual({ elapsedMs: 2_500 });
  });

  test('no answer: kept on this device, and sent once the browser is online', async () => {
    const { storage, events, outbox } = withOutbox();
    const tokens: string[] = [];
    const { state, actions, keys, fill } = setup([{ ok: false, code: 'NETWORK' }, created()], {
      outbox,
      onCreated: (answer) => void tokens.push(answer.token),
    });
    actions.open();
    fill();
    expect(storage.items.size).toBe(0);
    actions.submit();
    await settle();
    expect(state.phase.value).toBe('queued');
    expect(actions.holding()).toBe(true);
    expect(storage.items.has('liaison:demo:outbox')).toBe(true);

    events.dispatchEvent(new Event('online'));
    await settle();
    expect(state.phase.value).toBe('sent');
    expect(keys).toEqual(['key-1', 'key-1']);
    expect(tokens).toEqual(['tok_1']);
    expect(storage.items.size).toBe(0);
  });

  test('Try again on a kept inquiry that still gets no answer keeps it', async () => {
    const { storage, outbox } = withOutbox();
    const offline: SubmitResult = { ok: false, code: 'NETWORK' };
    const { state, actions, keys, fill } = setup([offline, offline], { outbox });
    fill();
    actions.submit();
    await settle();
    actions.retry();
    expect(state.phase.value).toBe('sending');
    await settle();
    expect(state.phase.value).toBe('queued');
    expect(keys).toEqual(['key-1', 'key-1']);
    expect(storage.items.size).toBe(1);
  });

  test('an edited inquiry replaces the kept one', async () => {
    const { storage, outbox } = withOutbox();
    const { actions, keys, fill } = setup([{ ok: false, code: 'NETWORK' }, created()], {
      outbox,
    });
    fill();
    actions.submit();
    await settle();
    actions.setValue('name', 'Anna');
    actions.submit();
    await settle();
    expect(keys).toEqual(['key-1', 'key-2']);
    expect(storage.items.size).toBe(0);
  });

  test('a kept inquiry from an earlier page view is shown and sent; a refusal waits for the visitor', async () => {
    const { storage, outbox } = withOutbox();
    const kept: Submission = {
      key: 'kept-key',
      body: {
        email: 'anna@example.de',
        message: 'We need 200 ball valves, DN50, PN40.',
        quantity: 200,
        unit: 'sets',
        product: { name: 'Ball Valve' },
        client: { elapsedMs: 9_000 },
      },
      since: Date.now(),
    };
    storage.items.set('liaison:demo:outbox', JSON.stringify(kept));
    const refusal: SubmitResult = {
      ok: false,
      code: 'VALIDATION_FAILED',
      fields: { message: 'Please name the valve size.' },
    };
    const { state, actions, sent, keys } = setup([refusal], { outbox });
    actions.resume();
    expect(state.phase.value).toBe('queued');
    expect(state.values.value).toMatchObject({ quantity: '200', unit: 'sets' });
    await settle();
    expect(sent).toEqual([kept.body]);
    expect(keys).toEqual(['kept-key']);
    expect(state.errors.value.message).toBe('Please name the valve size.');
    // The dialog was closed: the refused inquiry stays on the device, not to be sent again, so
    // that a page the visitor moves on to shows it too.
    const next = setup([], { outbox: withOutbox(storage).outbox });
    next.actions.resume();
    await settle();
    expect(next.sent).toEqual([]);
    expect(next.state.errors.value.message).toBe('Please name the valve size.');
    expect(next.state.values.value.message).toBe('We need 200 ball valves, DN50, PN40.');
    // Opening it shows the refused inquiry, product and all; seen, it is no longer kept.
    for (const page of [{ state, actions }, next]) {
      expect(page.actions.holding()).toBe(true);
      const attempts = page.state.attempts.value;
      page.actions.open();
      expect(page.state.lines.value).toEqual([
        { product: { name: 'Ball Valve' }, quantity: '200', unit: 'sets' },
      ]);
      expect(page.state.values.value.message).toBe('We need 200 ball valves, DN50, PN40.');
      expect(page.state.attempts.value).toBe(attempts + 1);
      expect(page.actions.holding()).toBe(false);
    }
    expect(storage.items.size).toBe(0);
  });

  test('a refusal without field messages is kept and shown as a failure on the next page', async () => {
    const { storage, outbox } = withOutbox();
    storage.items.set(
      'liaison:demo:outbox',
      JSON.stringify({
        key: 'kept-key',
        body: { email: 'anna@example.de', message: 'We need 200 ball valves, DN50, PN40.' },
        since: Date.now(),
      }),
    );
    const first = setup([{ ok: false, code: 'SITE_NOT_FOUND' }], { outbox });
    first.actions.resume();
    await settle();
    const next = setup([], { outbox: withOutbox(storage).outbox });
    next.actions.resume();
    expect(next.state.phase.value).toBe('failed');
    expect(next.state.failure.value).toBe('SITE_NOT_FOUND');
    expect(next.sent).toEqual([]);
  });

  test('resume without a kept inquiry changes nothing', () => {
    const { state, actions, sent } = setup([], { outbox: withOutbox().outbox });
    actions.resume();
    expect(state.phase.value).toBe('editing');
    expect(sent).toEqual([]);
  });
});
