import { describe, expect, test } from 'vitest';
import { InquiryInput } from '../../contract/inquiry';
import { firstInvalid, invalidCount, issuesToErrors, serverErrors } from './form-errors';
import { en } from './i18n/en';

const issuesOf = (input: unknown) => {
  const result = InquiryInput.safeParse(input);
  if (result.success) throw new Error('expected the input to be invalid');
  return result.error.issues;
};

describe('issuesToErrors', () => {
  test("maps the contract's issues to the widget's texts", () => {
    const errors = issuesToErrors(issuesOf({ email: 'nope', message: 'too short' }), en);
    expect(errors).toEqual({
      email: 'Please enter a valid email address.',
      message: 'Please write at least 20 characters so the rep can answer well.',
    });
  });

  test('too long message and zero quantity', () => {
    const errors = issuesToErrors(
      issuesOf({ email: 'a@b.co', message: 'x'.repeat(8001), quantity: 0 }),
      en,
    );
    expect(errors.message).toBe('Please keep your message under 8000 characters.');
    expect(errors.quantity).toBe('Please enter a quantity greater than 0.');
  });

  test('a quantity typed as no number asks for a number, on the form and on a line', () => {
    const errors = issuesToErrors(
      [
        { path: ['quantity'], code: 'invalid_format' },
        { path: ['products', 1, 'quantity'], code: 'invalid_format' },
      ],
      en,
    );
    expect(errors.quantity).toBe('Please enter the quantity as a number, such as 250 or 2.5.');
    expect(errors.line1).toBe(en['invalid.quantityFormat']);
  });

  test('a too long optional text says its limit', () => {
    const errors = issuesToErrors(
      issuesOf({ email: 'a@b.co', message: 'x'.repeat(30), company: 'c'.repeat(201) }),
      en,
    );
    expect(errors.company).toBe('Please shorten this to 200 characters.');
  });

  test('issues of a basket line land on that line, unknown paths on the form', () => {
    const errors = issuesToErrors(
      issuesOf({
        email: 'a@b.co',
        message: 'x'.repeat(30),
        products: [
          { name: 'Gate Valve', quantity: 2 },
          { name: 'Valve', url: 'ftp://x' },
          { name: 'Pump', quantity: -1 },
        ],
        page: { url: 'u'.repeat(2001) },
      }),
      en,
    );
    expect(errors.line0).toBeUndefined();
    expect(errors.line1).toBe(en['invalid.product']);
    expect(errors.line2).toBe(en['invalid.quantity']);
    expect(errors.form).toBe(en['error.VALIDATION_FAILED']);
  });
});

describe('serverErrors', () => {
  test("keeps the server's message, keyed by the field it belongs to", () => {
    expect(
      serverErrors({
        email: 'No such domain.',
        'products.3.url': 'Bad link.',
        'page.url': 'Long.',
      }),
    ).toEqual({
      email: 'No such domain.',
      line3: 'Bad link.',
      form: 'Long.',
    });
  });
});

describe('firstInvalid and invalidCount', () => {
  test('follow the order on screen and skip form-level errors', () => {
    const errors = { message: 'm', email: 'e', form: 'f' };
    expect(firstInvalid(errors)).toBe('email');
    expect(invalidCount(errors)).toBe(2);
    expect(firstInvalid({ email: undefined })).toBeUndefined();
    // Product lines sit between the contact fields and the message, in basket order.
    expect(firstInvalid({ message: 'm', line2: 'l', line1: 'l' })).toBe('line1');
    expect(firstInvalid({ message: 'm', line0: 'l', phone: 'p' })).toBe('phone');
    expect(invalidCount({ line0: 'l', line1: 'l', form: 'f' })).toBe(2);
  });
});
