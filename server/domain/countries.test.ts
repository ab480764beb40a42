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
    ['China', ['APAC', 'North America'], true],
    ['United States', ['North America'], true],
    ['Canada', ['NORTH_AMERICA'], true],
    ['Mexico', ['north-america'], true],
    ['Atlantis', ['EU', 'North America'], false],
    // Two letters are a country's code: NA is Namibia (North America was NA until 0016).
    ['Namibia', ['NA'], true],
    ['United States', ['NA'], false],
    ['Namibia', ['North America'], false],
    ['Namibia', ['Africa'], true],
    ['NA', ['Namibia'], true],
    ['', ['DE'], false],
    // The names people write, and those browsers fill in, in the widget's languages.
    ['Hong Kong', ['HK'], true],
    ['Hong Kong', ['APAC'], true],
    ['Turkey', ['TR'], true],
    ['Türkiye', ['MENA'], true],
    ['Czech Republic', ['EU'], true],
    ['USA', ['US'], true],
    ['U.S.A.', ['North America'], true],
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
