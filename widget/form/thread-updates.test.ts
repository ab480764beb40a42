import { describe, expect, test } from 'vitest';
import type { ThreadMessage } from '../../contract/conversation';
import { formatTime, newRepMessages, withMessage } from './thread-updates';

const message = (id: string, author: ThreadMessage['author']): ThreadMessage => ({
  id,
  author,
  authorName: author === 'rep' ? 'Mr. Moore Liu' : null,
  body: `Message ${id}`,
  createdAt: '2026-11-29T08:00:00.000Z',
});

describe('newRepMessages', () => {
  test("finds the rep's messages that were not there before", () => {
    const before = [message('m1', 'visitor')];
    const after = [...before, message('m2', 'system'), message('m3', 'rep')];
    expect(newRepMessages(before, after).map((m) => m.id)).toEqual(['m3']);
  });

  test('the first load announces nothing', () => {
    expect(newRepMessages(null, [message('m1', 'rep')])).toEqual([]);
  });
});

describe('withMessage', () => {
  test('appends a message once', () => {
    const list = [message('m1', 'visitor')];
    const added = withMessage(list, message('m2', 'visitor'));
    expect(added.map((m) => m.id)).toEqual(['m1', 'm2']);
    expect(withMessage(added, message('m2', 'visitor'))).toHaveLength(2);
  });
});

describe('formatTime', () => {
  test("shows the date and time in the visitor's zone", () => {
    // ICU versions differ in the space before AM (U+202F or a plain one).
    const text = formatTime('2026-11-29T08:05:00.000Z', 'en', 'Europe/Berlin');
    expect(text.replace(/\s/g, ' ')).toBe('Nov 29, 2026, 9:05 AM');
  });

  test('an unreadable time is shown as sent', () => {
    expect(formatTime('yesterday', 'en')).toBe('yesterday');
  });
});
