import { expect, test } from 'vitest';
import { whatsappLink, whatsappSummary } from './whatsapp-link';

const values = { quantity: '', unit: 'pieces', message: '' };

test('the link carries the digits of the number and the summary, URL-encoded', () => {
  const link = whatsappLink('+86 138-0000-0001', {
    product: { name: 'Gate Valve', sku: 'GV-2' },
    values: { quantity: '200', unit: 'sets', message: 'Price & delivery to Rotterdam?\nThanks' },
  });
  expect(link).toBe(
    'https://wa.me/8613800000001?text=' +
      encodeURIComponent('Gate Valve\n200 sets\nPrice & delivery to Rotterdam?'),
  );
});

test('the summary leaves out what the visitor has not given', () => {
  expect(whatsappSummary({ product: null, values: { ...values, message: '  Hello\nmore' } })).toBe(
    'Hello',
  );
  expect(whatsappSummary({ product: { name: 'Ball Valve' }, values })).toBe('Ball Valve');
});

test('a long first line is cut short', () => {
  const summary = whatsappSummary({
    product: null,
    values: { ...values, message: 'x'.repeat(500) },
  });
  expect(summary).toHaveLength(200);
  expect(summary.endsWith('…')).toBe(true);
});

test('an empty inquiry links to the chat without text; a number without digits to nothing', () => {
  expect(whatsappLink('+8613800000001', { product: null, values })).toBe(
    'https://wa.me/8613800000001',
  );
  expect(whatsappLink('n/a', { product: null, values })).toBeNull();
});
