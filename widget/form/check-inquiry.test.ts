import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InquiryInput } from '../../contract/inquiry';
import { FIELD_MAX, MESSAGE_MAX, MESSAGE_MIN } from '../../contract/limits';
import { checkInquiry, checkReply } from './check-inquiry';

const valid = {
  email: 'buyer@example.com',
  message: 'Please quote 500 pieces of DN50 valves.',
};

describe('checkInquiry', () => {
  it('accepts a valid inquiry and names each field that breaks a limit', () => {
    expect(checkInquiry(valid)).toEqual([]);
    const issues = checkInquiry({
      ...valid,
      name: 'n'.repeat(FIELD_MAX.name + 1),
      email: 'not an address',
      message: 'too short',
      quantity: 0,
      product: { name: 'Valve', url: 'javascript:alert(1)' },
    });
    expect(issues.map((issue) => [issue.path[0], issue.code])).toEqual([
      ['name', 'too_big'],
      ['email', 'invalid_format'],
      ['message', 'too_small'],
      ['quantity', 'too_small'],
      ['product', 'invalid'],
    ]);
    expect(issues[0]?.maximum).toBe(FIELD_MAX.name);
  });

  it('tells a quantity typed as no number (NaN) from one too small', () => {
    const issues = checkInquiry({ ...valid, quantity: Number.NaN });
    expect(issues).toEqual([{ path: ['quantity'], code: 'invalid_format' }]);
  });

  it('says a quantity read as Infinity (400 nines) is too large', () => {
    expect(checkInquiry({ ...valid, quantity: Number('9'.repeat(400)) })).toEqual([
      { path: ['quantity'], code: 'too_big' },
    ]);
  });

  // The widget's check and the server's schema must agree, or a visitor would see a form that
  // passes here and fails there (or the reverse) for the same text.
  it('agrees with the contract on email, message, quantity and field lengths', () => {
    const text = (max: number) => fc.string({ maxLength: max + 3 });
    fc.assert(
      fc.property(
        fc.record({
          email: fc.oneof(fc.emailAddress(), fc.string({ maxLength: 30 })),
          message: fc.oneof(
            fc.string({ minLength: MESSAGE_MIN - 2, maxLength: MESSAGE_MIN + 2 }),
            fc.constant('m'.repeat(MESSAGE_MAX + 1)),
          ),
          company: text(FIELD_MAX.company),
          phone: text(FIELD_MAX.phone),
          quantity: fc.oneof(fc.double({ min: -5, max: 2e9, noNaN: true }), fc.constant(1)),
        }),
        (raw) => {
          // As build-inquiry.ts sends it: trimmed.
          const input = {
            ...raw,
            email: raw.email.trim(),
            message: raw.message.trim(),
            company: raw.company.trim(),
            phone: raw.phone.trim(),
          };
          const server = InquiryInput.safeParse(input).success;
          expect(checkInquiry(input).length === 0).toBe(server);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('checkReply', () => {
  it('trims a follow-up and refuses an empty or an over-long one', () => {
    expect(checkReply('  thanks  ')).toEqual({ body: 'thanks' });
    expect(checkReply('   ').issue).toBe('too_small');
    expect(checkReply('x'.repeat(MESSAGE_MAX + 1)).issue).toBe('too_big');
  });
});
