import { describe, expect, it } from 'vitest';
import { spamReason } from './spam';

describe('spamReason', () => {
  it.each([
    [undefined, null],
    [{}, null],
    [{ honeypot: '' }, null],
    [{ honeypot: 'http://spam.example' }, /hidden field/],
    [{ elapsedMs: 1999 }, /1999 ms/],
    [{ elapsedMs: 2000 }, null],
    [{ elapsedMs: 120_000 }, null],
    [{ honeypot: 'x', elapsedMs: 5000 }, /hidden field/],
  ] as const)('%j -> %s', (signals, expected) => {
    const reason = spamReason(signals, 2000);
    if (expected === null) expect(reason).toBeNull();
    else expect(reason).toMatch(expected);
  });
});
