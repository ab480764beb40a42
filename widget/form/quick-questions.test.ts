import { expect, test } from 'vitest';
import { en } from './i18n/en';
import { QUICK_QUESTIONS, questionText, toggleQuestion } from './quick-questions';

const price = en['ask.price'];
const sample = en['ask.sample'];

test('the first question becomes the message', () => {
  expect(toggleQuestion('', price)).toBe(price);
});

test('a question goes on a line of its own after what the visitor wrote', () => {
  expect(toggleQuestion('We need DN50 valves.  ', price)).toBe(`We need DN50 valves.\n${price}`);
  expect(toggleQuestion(price, sample)).toBe(`${price}\n${sample}`);
});

test('pressing twice gives back the message as it was', () => {
  for (const message of ['', 'We need DN50 valves.', `Hello\n${sample}`, `${sample}\nThanks`]) {
    expect(toggleQuestion(toggleQuestion(message, price), price)).toBe(message);
  }
});

test('a question in the middle is taken out with its line', () => {
  expect(toggleQuestion(`Hello\n${price}\nThanks`, price)).toBe('Hello\nThanks');
  expect(toggleQuestion(`${price}\nThanks`, price)).toBe('Thanks');
});

test('a question the visitor wrote more after keeps their words', () => {
  expect(toggleQuestion(`${price} Around 5 USD?`, price)).toBe('Around 5 USD?');
});

test('every question has a label and a sentence in English', () => {
  for (const id of QUICK_QUESTIONS) {
    expect(en[`quick.${id}`]).toBeTruthy();
    expect(questionText(en, id)).toMatch(/[.?]$/);
  }
});
