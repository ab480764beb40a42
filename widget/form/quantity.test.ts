import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QUANTITY_MAX } from '../../contract/limits';
import { quantityText, readQuantity } from './quantity';

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
    // Those two marks are never the other: the Arabic point before three digits is still one.
    ['١٫٢٥٠', 1.25],
    ['１．２５０', 1.25],
    ['١٬٠٠٠٫٥', 1000.5],
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
    ['1 000,5', 1000.5],
    ['100 200', 100_200],
    ["1'000.50", 1000.5],
    ['1’000', 1000],
    ['1,00,000', 100_000],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['２，５', 2.5],
    // A minus is read (the form then asks for more than 0).
    ['-5', -5],
    ['−2,5', -2.5],
    ['－５', -5],
    ['12,34,567', 1_234_567],
  ])('reads %j as %d', (typed, expected) => {
    expect(readQuantity(typed)).toBe(expected);
  });

  it('reads an empty or blank field as no quantity', () => {
    expect(readQuantity('')).toBeUndefined();
    expect(readQuantity('  ')).toBeUndefined();
  });

  it.each([
    'abc',
    '200 pcs',
    '-',
    '--5',
    '1e3',
    '.',
    ',',
    '2d5',
    '1.2.3',
    '1,50,5',
    '1,234.567,8',
    '1,2,3',
    '1,234,56,789',
    '12,345,67,890',
    '1 5',
    '1٬5',
    '1 000.000,5',
    '1x000',
    '1-000',
    '½',
    '١٫٢٫٣',
  ])('reads %j as not a number', (typed) => {
    expect(readQuantity(typed)).toBeNaN();
  });

  it('reads back every quantity as the form shows it again', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: QUANTITY_MAX, noNaN: true }),
        (quantity) => readQuantity(quantityText(quantity)) === quantity,
      ),
      { numRuns: 5000 },
    );
    for (const quantity of [2.125, 1234.125, 123456789.123, 1e-7, 0.125, 1500])
      expect(readQuantity(quantityText(quantity))).toBe(quantity);
  });
});
