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

  test('a too long optional text says its limit', () => {
    const errors = issuesToErrors(
      issuesOf({ email: 'a@b.co', message: 'x'.repeat(30), company: 'c'.repeat(201) }),
      en,
    );
    expect(errors.company).toBe('Please shorten this to 200 characters.');
  });

  test('product issues land on the product, unknown paths on the form', () => {
    const errors = issuesToErrors(
      issuesOf({
        email: 'a@b.co',
        message: 'x'.repeat(30),
        product: { name: 'Valve', url: 'ftp://x' },
        page: { url: 'u'.repeat(2001) },
      }),
      en,
    );
    expect(errors.product).toBe(en['invalid.product']);
    expect(errors.form).toBe(en['error.VALIDATION_FAILED']);
  });
});

describe('serverErrors', () => {
  test("keeps the server's message, keyed by the field it belongs to", () => {
    expect(serverErrors({ email: 'No such domain.', 'product.url': 'Bad link.' })).toEqual({
      email: 'No such domain.',
      product: 'Bad link.',
    });
  });
});

describe('firstInvalid and invalidCount', () => {
  test('follow the order on screen and skip form-level errors', () => {
    const errors = { message: 'm', email: 'e', form: 'f' };
    expect(firstInvalid(errors)).toBe('email');
    expect(invalidCount(errors)).toBe(2);
    expect(firstInvalid({ email: undefined })).toBeUndefined();
  });
});
