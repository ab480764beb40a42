import { describe, expect, it } from 'vitest';
import { formatShare, formatWait } from './admin-format';

describe('formatWait', () => {
  it.each([
    [null, '—'],
    [0, '0 min'],
    [44.6, '45 min'],
    [60, '1 h'],
    [200, '3 h 20 min'],
    [24 * 60, '1 d'],
    [52 * 60 + 10, '2 d 4 h'],
  ])('%j -> %s', (minutes, text) => {
    expect(formatWait(minutes)).toBe(text);
  });
});

describe('formatShare', () => {
  it.each([
    [null, '—'],
    [0, '0%'],
    [2 / 3, '67%'],
    [1, '100%'],
  ])('%j -> %s', (share, text) => {
    expect(formatShare(share)).toBe(text);
  });
});
