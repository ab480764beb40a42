import { describe, expect, it } from 'vitest';
import { readQuantity } from './quantity';

describe('readQuantity', () => {
  it.each([
    ['200', 200],
    ['  50 ', 50],
    // Arabic-Indic, extended Arabic-Indic and full-width digits.
    ['٢٠٠', 200],
    ['۱۵', 15],
    ['１２０', 120],
    // The Arabic decimal and thousands separators.
    ['٢٫٥', 2.5],
    ['١٬٥٠٠', 1500],
    // A decimal comma or point.
    ['2,5', 2.5],
    ['12.75', 12.75],
    ['1,5000', 1.5],
    ['0,125', 0.125],
    ['0.125', 0.125],
    ['.5', 0.5],
    ['3.', 3],
    // Thousands grouped by comma, point or space, and both marks together.
    ['1,500', 1500],
    ['1.500', 1500],
    ['1,000,000', 1_000_000],
    ['1.000.000', 1_000_000],
    ['1 000', 1000],
    ['1\u202f000', 1000],
    ['1,00,000', 100_000],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['２，５', 2.5],
  ])('reads %j as %d', (typed, expected) => {
    expect(readQuantity(typed)).toBe(expected);
  });

  it('reads an empty or blank field as no quantity', () => {
    expect(readQuantity('')).toBeUndefined();
    expect(readQuantity('  ')).toBeUndefined();
  });

  it.each(['abc', '200 pcs', '-5', '1e3', '.', ',', '1.2.3', '1,50,5', '1,234.567,8', '1,2,3'])(
    'reads %j as not a number',
    (typed) => {
      expect(readQuantity(typed)).toBeNaN();
    },
  );
});
