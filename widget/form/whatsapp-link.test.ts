import { expect, test } from 'vitest';
import { whatsappLink, whatsappSummary } from './whatsapp-link';

const values = { quantity: '', unit: 'pieces', message: '' };

test('the link carries the digits of the number and the summary, URL-encoded', () => {
  const link = whatsappLink('+86 138-0000-0001', {
    lines: [{ product: { name: 'Gate Valve', sku: 'GV-2' }, quantity: '200', unit: 'sets' }],
    values: { quantity: '', unit: 'pieces', message: 'Price & delivery to Rotterdam?\nThanks' },
  });
  expect(link).toBe(
    'https://wa.me/8613800000001?text=' +
      encodeURIComponent('Gate Valve: 200 sets\nPrice & delivery to Rotterdam?'),
  );
});

test('the summary leaves out what the visitor has not given', () => {
  expect(whatsappSummary({ lines: [], values: { ...values, message: '  Hello\nmore' } })).toBe(
    'Hello',
  );
  const ball = { product: { name: 'Ball Valve' }, quantity: '', unit: 'pieces' };
  expect(whatsappSummary({ lines: [ball], values })).toBe('Ball Valve');
  expect(whatsappSummary({ lines: [], values: { ...values, quantity: '3' } })).toBe('3 pieces');
  expect(
    whatsappSummary({
      lines: [ball, { ...ball, product: { name: 'Pump' }, quantity: '2' }],
      values,
    }),
  ).toBe('Ball Valve\nPump: 2 pieces');
});

test('a long first line is cut short', () => {
  const summary = whatsappSummary({
    lines: [],
    values: { ...values, message: 'x'.repeat(500) },
  });
  expect(summary).toHaveLength(200);
  expect(summary.endsWith('…')).toBe(true);
});

test('an empty inquiry links to the chat without text; a number without digits to nothing', () => {
  expect(whatsappLink('+8613800000001', { lines: [], values })).toBe('https://wa.me/8613800000001');
  expect(whatsappLink('n/a', { lines: [], values })).toBeNull();
});
