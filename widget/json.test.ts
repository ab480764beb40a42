import fc from 'fast-check';
import { afterEach, expect, test } from 'vitest';
import { toJson } from './json';

afterEach(() => {
  Reflect.deleteProperty(Array.prototype, 'toJSON');
});

test('writes what JSON.stringify writes for plain data', () => {
  fc.assert(
    fc.property(fc.jsonValue(), (value) => {
      expect(toJson(value)).toBe(JSON.stringify(value));
    }),
  );
  expect(toJson({ a: undefined, b: [undefined, 1] })).toBe('{"b":[null,1]}');
});

test("is deaf to a page's Array.prototype.toJSON", () => {
  Object.defineProperty(Array.prototype, 'toJSON', {
    value: () => 'patched',
    configurable: true,
    writable: true,
  });
  expect(JSON.stringify({ products: [1] })).toBe('{"products":"patched"}');
  expect(toJson({ products: [{ name: 'Valve' }] })).toBe('{"products":[{"name":"Valve"}]}');
});
