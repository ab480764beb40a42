import { describe, expect, it } from 'vitest';
import { countryMatches } from './countries';

describe('countryMatches', () => {
  it.each([
    ['Germany', ['DE'], true],
    ['germany ', ['DE'], true],
    ['DE', ['DE'], true],
    // A visitor who writes a code means that country, whatever the rule names it by.
    ['de', ['Germany'], true],
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
    // The names people write, and those browsers fill in, in the widget's languages.
    ['Hong Kong', ['HK'], true],
    ['Hong Kong', ['APAC'], true],
    ['Turkey', ['TR'], true],
    ['Türkiye', ['MENA'], true],
    ['Czech Republic', ['EU'], true],
    ['USA', ['US'], true],
    ['U.S.A.', ['NA'], true],
    ['UK', ['GB'], true],
    ['United Kingdom', ['Europe'], true],
    ['The Netherlands', ['EU'], true],
    ['Deutschland', ['DE'], true],
    ['Allemagne', ['Germany'], true],
    ['德国', ['EU'], true],
    ['Германия', ['DE'], true],
    ['Alemanha', ['DE'], true],
    ['Deutschland', ['FR'], false],
    ['Österreich', ['DE'], false],
  ] as const)('%s in %j -> %s', (visitor, entries, expected) => {
    expect(countryMatches(visitor, entries)).toBe(expected);
  });
  it('has no visitor country: no match', () => {
    expect(countryMatches(null, ['DE'])).toBe(false);
  });
});
