import { describe, expect, it } from 'vitest';
import { deriveToken, hashToken, randomToken, safeEqual, TOKEN_SHAPE } from './tokens';

describe('tokens', () => {
  it('are 128-bit lowercase base32', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const t = randomToken();
      expect(t).toMatch(TOKEN_SHAPE);
      seen.add(t);
    }
    expect(seen.size).toBe(200);
  });

  it('derive the same token from the same secret and id, another from any change', () => {
    const a = deriveToken('secret', 'conversation', 'id-1');
    expect(a).toMatch(TOKEN_SHAPE);
    expect(deriveToken('secret', 'conversation', 'id-1')).toBe(a);
    expect(deriveToken('secret', 'conversation', 'id-2')).not.toBe(a);
    expect(deriveToken('other', 'conversation', 'id-1')).not.toBe(a);
    expect(deriveToken('secret', 'sign-in', 'id-1')).not.toBe(a);
  });

  it('hash case-insensitively (mail may change the case of a local part)', () => {
    expect(hashToken('ABC')).toBe(hashToken('abc'));
    expect(hashToken('abc')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('compare safely', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
  });
});
