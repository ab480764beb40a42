import { expect, test } from 'vitest';
import { mergeTexts, textsByKey, unknownKeys } from './merge-texts';

const en = { leaveMessage: 'Leave a message', contactNow: 'Contact Now' };

test('a pack replaces the English texts, and the site replaces the pack', () => {
  const pack = { leaveMessage: 'Nachricht hinterlassen', contactNow: 'Jetzt kontaktieren' };
  expect(mergeTexts(en, pack, { leaveMessage: 'Schreiben Sie uns' })).toEqual({
    leaveMessage: 'Schreiben Sie uns',
    contactNow: 'Jetzt kontaktieren',
  });
});

test('a key missing from a layer keeps the text below it', () => {
  expect(mergeTexts(en, null, undefined, { contactNow: 'Call us' })).toEqual({
    leaveMessage: 'Leave a message',
    contactNow: 'Call us',
  });
});

test('keys the base does not have, and values that are not strings, change nothing', () => {
  const merged = mergeTexts(en, { leaveMesage: 'typo', contactNow: 42, toString: 'x' });
  expect(merged).toEqual(en);
});

test('unknownKeys names what no stage knows', () => {
  const form = { send: 'Send inquiry' };
  expect(
    unknownKeys({ leaveMessage: 'a', send: 'b', sendd: 'c', toString: 'd' }, en, form),
  ).toEqual(['sendd', 'toString']);
  expect(unknownKeys(undefined, en)).toEqual([]);
});

test("textsByKey reads a list in the keys' order, and takes texts by key as they are", () => {
  const keys = Object.keys(en);
  expect(textsByKey(['Nachricht hinterlassen', 'Jetzt kontaktieren'], keys)).toEqual({
    leaveMessage: 'Nachricht hinterlassen',
    contactNow: 'Jetzt kontaktieren',
  });
  const byKey = { contactNow: 'Jetzt kontaktieren' };
  expect(textsByKey(byKey, keys)).toBe(byKey);
  expect(textsByKey(null, keys)).toBeNull();
  // A short list leaves the rest to the layer below (mergeTexts skips what is no string).
  expect(mergeTexts(en, textsByKey(['Schreiben'], keys))).toEqual({
    ...en,
    leaveMessage: 'Schreiben',
  });
});
