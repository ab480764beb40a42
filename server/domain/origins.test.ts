import { describe, expect, it } from 'vitest';
import { originAllowed } from './origins';

describe('originAllowed', () => {
  const patterns = ['https://example.com', 'http://localhost:*', 'https://*.shop.example'];
  it.each([
    ['https://example.com', true],
    ['https://example.com:443', true],
    ['https://EXAMPLE.com', true],
    ['http://example.com', false],
    ['https://example.com:8443', false],
    ['https://evil-example.com', false],
    ['https://example.com.evil.net', false],
    ['http://localhost:5173', true],
    ['http://localhost', true],
    ['http://127.0.0.1:5173', false],
    ['https://a.shop.example', true],
    ['https://a.b.shop.example', true],
    ['https://shop.example', false],
    ['https://evilshop.example', false],
    ['null', false],
    ['', false],
  ])('%s -> %s', (origin, expected) => {
    expect(originAllowed(origin, patterns)).toBe(expected);
  });

  it('never treats * as allow-all', () => {
    expect(originAllowed('https://example.com', ['*'])).toBe(false);
  });
});
