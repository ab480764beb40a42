import { describe, expect, it } from 'vitest';
import { countryMatches } from './countries';

describe('countryMatches', () => {
  it.each([
    ['Germany', ['DE'], true],
    ['germany ', ['DE'], true],
    ['DE', ['DE'], true],
    ['de', ['Germany'], false],
    ['Germany', ['Germany'], true],
    ['Germany', ['EU'], true],
    ['Norway', ['EU'], false],
    ['Norway', ['Europe'], true],
    ['Brazil', ['LATAM'], true],
    ['United Arab Emirates', ['GCC'], true],
    ['AE', ['MENA'], true],
    ['China', ['APAC', 'NA'], true],
    ['United States', ['NA'], true],
    ['Atlantis', ['EU', 'NA'], false],
    ['', ['DE'], false],
  ] as const)('%s in %j -> %s', (visitor, entries, expected) => {
    expect(countryMatches(visitor, entries)).toBe(expected);
  });
  it('has no visitor country: no match', () => {
    expect(countryMatches(null, ['DE'])).toBe(false);
  });
});
