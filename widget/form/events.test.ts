import { batch } from './signal';
import { expect, test, vi } from 'vitest';
import { createEvents, emitOpenAndClose } from './events';
import { createState } from './state';

test('calls each handler of an event with its payload, in order', () => {
  const events = createEvents();
  const calls: unknown[] = [];
  events.on('sent', (payload: unknown) => calls.push(['first', payload]));
  events.on('sent', (payload: unknown) => calls.push(['second', payload]));
  events.on('open', () => calls.push('open'));
  events.emit('sent', { inquiryId: 'i1', rep: { name: 'Moore' } });
  expect(calls).toEqual([
    ['first', { inquiryId: 'i1', rep: { name: 'Moore' } }],
    ['second', { inquiryId: 'i1', rep: { name: 'Moore' } }],
  ]);
});

test('close handlers get no argument', () => {
  const events = createEvents();
  const handler = vi.fn();
  events.on('close', handler);
  events.emit('close', undefined);
  expect(handler).toHaveBeenCalledWith();
});

test('a handler that throws is logged, and the others still run', () => {
  const error = vi.spyOn(console, 'error').mockImplementation(() => {});
  const events = createEvents();
  const after = vi.fn();
  events.on('open', () => {
    throw new Error('page bug');
  });
  events.on('open', after);
  expect(() => events.emit('open', { product: null })).not.toThrow();
  expect(error).toHaveBeenCalledWith('[liaison]', expect.any(Error));
  expect(after).toHaveBeenCalledWith({ product: null });
  error.mockRestore();
});

test('an unknown event or a handler that is no function is warned about and ignored', () => {
  const warning = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const events = createEvents();
  events.on('submit', () => {});
  events.on('sent', 'not a function');
  expect(warning).toHaveBeenCalledTimes(2);
  expect(() => events.emit('sent', { inquiryId: 'i1', rep: null })).not.toThrow();
  warning.mockRestore();
});

test('opening and closing the dialog emit open, with the product, and close', () => {
  const state = createState();
  const events = createEvents();
  const calls: unknown[] = [];
  events.on('open', (payload: unknown) => calls.push(['open', payload]));
  events.on('close', () => calls.push('close'));
  const stop = emitOpenAndClose(state, events);
  expect(calls).toEqual([]);
  batch(() => {
    state.product.value = { name: 'Gate Valve', sku: 'GV-2' };
    state.open.value = true;
  });
  state.product.value = null; // not a new opening
  state.open.value = false;
  stop();
  state.open.value = true;
  expect(calls).toEqual([['open', { product: { name: 'Gate Valve', sku: 'GV-2' } }], 'close']);
});
