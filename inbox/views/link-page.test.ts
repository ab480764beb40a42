import { describe, expect, it } from 'vitest';
import { linkToken } from './link-page';

describe('linkToken', () => {
  it('reads the token from the whole fragment or from token=', () => {
    expect(linkToken('#zs3xh4mgzoqdxonytzyqtcjxqu')).toBe('zs3xh4mgzoqdxonytzyqtcjxqu');
    expect(linkToken('#token=abc&x=1')).toBe('abc');
    expect(linkToken('')).toBe('');
  });
});
