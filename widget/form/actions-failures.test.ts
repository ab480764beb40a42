import { describe, expect, test } from 'vitest';
import type { InquiryApi, SubmitResult } from '../api';
import { setup, created, settle, withOutbox } from './actions-fixtures';
import { createBasketStore } from './basket';
import { memoryStorage } from './memory-storage';

// What a failure leaves: the inquiry the visitor has now, never an older one; a form that is
// never stuck on "Sending"; an inquiry kept on the device until the server answers it; and no
// basket kept once its inquiry is sent.

const photo = () => new File([new Uint8Array([1, 2, 3])], 'photo.png', { type: 'image/png' });
const uploadFails = { upload: async () => ({ ok: false as const, code: 'NETWORK' as const }) };

describe('Try again', () => {
  test('after an upload failed, sends the inquiry as it is now, not an older one', async () => {
    const { state, actions, sent, fill } = setup([{ ok: false, code: 'INTERNAL' }, created()], {
      ...uploadFails,
    });
    fill();
    actions.submit();
    await settle();
    expect(state.phase.value).toBe('failed');
    actions.setValue('message', 'Edited: 500 valves, see the photo.');
    actions.addFiles([photo()]);
    actions.submit();
    await settle();
    expect(state.phase.value).toBe('failed');
    actions.retry();
    await settle();
    // The upload fails again: nothing older is sent meanwhile.
    expect(sent.map((body) => body.message)).toEqual(['We need 200 ball valves, DN50, PN40.']);
  });

  test('works as the form calls it, unbound, after the first upload failed', async () => {
    const { state, actions, fill } = setup([], { ...uploadFails });
    fill();
    actions.addFiles([photo()]);
    actions.submit();
    await settle();
    expect(state.phase.value).toBe('failed');
    const onClick = actions.retry;
    expect(() => onClick()).not.toThrow();
  });
});

describe('a send that throws (a page that breaks fetch, crypto missing on an http page)', () => {
  const throwing = (): InquiryApi => ({
    submit: async () => {
      throw new TypeError('crypto.subtle is undefined');
    },
  });

  test('is not left on "Sending": the inquiry is kept on the device to try again', async () => {
    const { outbox, storage } = withOutbox();
    const { state, actions, fill } = setup([], { api: throwing(), outbox });
    fill();
    actions.submit();
    await settle();
    expect(state.phase.value).toBe('queued');
    expect([...storage.items.keys()]).toEqual(['liaison:demo:outbox']);
  });

  test('after an upload, either', async () => {
    const { state, actions, fill } = setup([], {
      upload: async () => {
        throw new TypeError('fetch is not a function');
      },
    });
    fill();
    actions.addFiles([photo()]);
    actions.submit();
    await settle();
    expect(state.phase.value).toBe('failed');
  });
});

describe('an inquiry kept on the device', () => {
  test('stays kept when the server asks for proof of work it could not give', async () => {
    const { outbox, storage } = withOutbox();
    const first = setup([{ ok: false, code: 'NETWORK' }], { outbox });
    first.fill();
    first.actions.submit();
    await settle();
    expect(first.state.phase.value).toBe('queued');
    // The next page view resends it; the challenge could not be fetched or solved.
    const next = setup([{ ok: false, code: 'PROOF_OF_WORK_REQUIRED' }], {
      outbox: withOutbox(storage).outbox,
    });
    next.actions.resume();
    await settle();
    expect(storage.items.has('liaison:demo:outbox')).toBe(true);
  });
});

describe('the basket of a sent inquiry', () => {
  const ballValve = { name: 'Ball valve', sku: 'BV-50' };

  test('is not kept once the server has the inquiry, dialog open or not', async () => {
    const storage = memoryStorage();
    const basket = createBasketStore({ site: 'demo', storage: () => storage });
    const { state, actions, fill } = setup([created()], { basket });
    actions.add(ballValve);
    actions.open();
    fill();
    actions.submit();
    await settle();
    expect(state.phase.value).toBe('sent');
    expect(storage.items.has('liaison:demo:basket')).toBe(false);
    // The sent view still shows what was sent.
    expect(state.lines.value.map((line) => line.product.name)).toEqual(['Ball valve']);
  });

  test('nor when a kept inquiry is sent from the device on a later page', async () => {
    const storage = memoryStorage();
    const basket = () => createBasketStore({ site: 'demo', storage: () => storage });
    const first = setup([{ ok: false, code: 'NETWORK' }], {
      outbox: withOutbox(storage).outbox,
      basket: basket(),
    });
    first.actions.add(ballValve);
    first.fill();
    first.actions.submit();
    await settle();
    expect(first.state.phase.value).toBe('queued');
    const answers: SubmitResult[] = [created()];
    const next = setup(answers, { outbox: withOutbox(storage).outbox, basket: basket() });
    next.actions.resume();
    await settle();
    expect(storage.items.has('liaison:demo:basket')).toBe(false);
  });
});
