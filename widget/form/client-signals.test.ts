import { expect, test } from 'vitest';
import { createSignalClock } from './client-signals';

const clock = () => {
  let time = 1_000;
  const signals = createSignalClock(() => time);
  return { signals, advance: (ms: number) => void (time += ms) };
};

test('elapsedMs counts from the first time the form was shown', () => {
  const { signals, advance } = clock();
  signals.shown();
  advance(4_000);
  // Closing and opening the dialog again does not restart the clock.
  signals.shown();
  advance(1_500);
  expect(signals.read('')).toEqual({ honeypot: undefined, elapsedMs: 5_500 });
});

test('after a sent inquiry the next one is timed from its own showing', () => {
  const { signals, advance } = clock();
  signals.shown();
  advance(60_000);
  signals.reset();
  advance(10_000);
  signals.shown();
  advance(300);
  expect(signals.read('').elapsedMs).toBe(300);
});

test('a form never shown sends no time; an empty hidden field sends no honeypot', () => {
  const { signals } = clock();
  expect(signals.read('')).toEqual({ honeypot: undefined, elapsedMs: undefined });
});

test('a filled hidden field is sent, clipped to the contract limit', () => {
  const { signals } = clock();
  expect(signals.read('https://spam.example').honeypot).toBe('https://spam.example');
  expect(signals.read('x'.repeat(600)).honeypot).toHaveLength(500);
});
