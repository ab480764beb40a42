import { describe, expect, it } from 'vitest';
import { errorText, readError } from './api-error';

describe('readError', () => {
  it('reads the code, message, fields and Retry-After seconds', () => {
    const body = {
      error: { code: 'TOO_MANY_ATTEMPTS', message: 'Too many.', fields: { email: 'Bad', x: 1 } },
    };
    expect(readError(429, body, '120')).toEqual({
      status: 429,
      code: 'TOO_MANY_ATTEMPTS',
      message: 'Too many.',
      fields: { email: 'Bad' },
      retryAfter: 120,
    });
  });

  it('counts unknown shapes as INTERNAL with a message of its own', () => {
    const error = readError(502, '<html>Bad gateway</html>', null);
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toContain('502');
    expect(readError(401, { error: { code: 'UNAUTHENTICATED' } }, null).message).toContain(
      'sign in',
    );
  });

  it('ignores a Retry-After date', () => {
    expect(readError(429, {}, 'Wed, 21 Oct 2026 07:28:00 GMT').retryAfter).toBeUndefined();
  });
});

describe('errorText', () => {
  it('adds when to try again', () => {
    const base = { status: 429, code: 'TOO_MANY_ATTEMPTS' as const, message: 'Too many.' };
    expect(errorText(base)).toBe('Too many.');
    expect(errorText({ ...base, retryAfter: 1 })).toBe('Too many. Try again in 1 second.');
    expect(errorText({ ...base, retryAfter: 45 })).toBe('Too many. Try again in 45 seconds.');
    expect(errorText({ ...base, retryAfter: 900 })).toBe('Too many. Try again in 15 minutes.');
  });
});
