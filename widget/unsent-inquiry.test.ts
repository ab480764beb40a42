import { expect, test } from 'vitest';
import { hasUnsentInquiry, outboxKey } from './unsent-inquiry';

const storage = (items: Record<string, string>) => () => ({
  getItem: (key: string) => items[key] ?? null,
});

test('only a stored outbox of this site counts', () => {
  expect(hasUnsentInquiry('demo', storage({}))).toBe(false);
  expect(hasUnsentInquiry('demo', storage({ [outboxKey('other')]: '{}' }))).toBe(false);
  expect(hasUnsentInquiry('demo', storage({ 'liaison:demo:outbox': '{}' }))).toBe(true);
});

test('blocked site data reads as nothing kept', () => {
  const blocked = () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  };
  expect(hasUnsentInquiry('demo', blocked)).toBe(false);
});
