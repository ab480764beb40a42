import { createChallenge, verifySolution } from 'altcha-lib/v1';
import { expect, test } from 'vitest';
import { solveProofOfWork } from './proof-of-work';
import { readChallenge } from './responses';

test('solves a server challenge into a payload the server accepts', async () => {
  const c = await createChallenge({ hmacKey: 'server-key', maxNumber: 2000 });
  const read = readChallenge({
    required: true,
    challenge: { ...c, maxnumber: c.maxnumber ?? 2000 },
  });
  if (!read) throw new Error('unreadable challenge');
  const pow = await solveProofOfWork(read);
  expect(pow).not.toBeNull();
  expect(await verifySolution(pow ?? '', 'server-key', false)).toBe(true);
  expect(await verifySolution(pow ?? '', 'another-key', false)).toBe(false);
});

test('gives up on a challenge with no answer, and reads only well-formed ones', async () => {
  expect(
    await solveProofOfWork({
      algorithm: 'SHA-256',
      challenge: 'x',
      maxnumber: 50,
      salt: 's',
      signature: 'y',
    }),
  ).toBeNull();
  expect(readChallenge({ required: false, challenge: null })).toBeNull();
  expect(readChallenge({ challenge: { algorithm: 'SHA-256', challenge: 1 } })).toBeNull();
});
