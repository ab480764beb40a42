import { expect, test } from 'vitest';
import { hasKeptWork, outboxKey } from './unsent-inquiry';

const storage = (items: Record<string, string>) => () => ({
  getItem: (key: string) => items[key] ?? null,
});

test('only a stored outbox or basket of this site counts', () => {
  expect(hasKeptWork('demo', storage({}))).toBe(false);
  expect(hasKeptWork('demo', storage({ [outboxKey('other')]: '{}' }))).toBe(false);
  expect(hasKeptWork('demo', storage({ 'liaison:demo:outbox': '{}' }))).toBe(true);
  expect(hasKeptWork('demo', storage({ 'liaison:demo:basket': '[]' }))).toBe(true);
});

test('blocked site data reads as nothing kept', () => {
  const blocked = () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  };
  expect(hasKeptWork('demo', blocked)).toBe(false);
});
