import { describe, expect, test } from 'vitest';
import { readConversation, readMessageCreated, readThreadMessage } from './conversation-responses';

const first = {
  id: 'msg_1',
  author: 'visitor',
  authorName: null,
  body: 'Please quote 200 sets of DN50 ball valves.',
  createdAt: '2026-11-29T08:00:00.000Z',
};
const reply = {
  id: 'msg_2',
  author: 'rep',
  authorName: 'Mr. Moore Liu',
  body: 'Thank you, the quote follows today.',
  createdAt: '2026-11-29T09:00:00.000Z',
};

describe('readConversation', () => {
  test('reads the thread and resolves the photo against the API origin', () => {
    const conversation = readConversation(
      {
        inquiryId: 'inq_1',
        site: { name: 'Hengda' },
        rep: { name: 'Mr. Moore Liu', title: 'Sales Manager', photoUrl: '/demo/moore-liu.svg' },
        products: [{ name: 'Ball Valve DN50', sku: 'BV-50' }, { name: 'Gate valve' }],
        messages: [first, reply],
      },
      'https://api.test',
    );
    expect(conversation).toEqual({
      inquiryId: 'inq_1',
      site: { name: 'Hengda' },
      rep: {
        name: 'Mr. Moore Liu',
        title: 'Sales Manager',
        photoUrl: 'https://api.test/demo/moore-liu.svg',
      },
      products: [{ name: 'Ball Valve DN50', sku: 'BV-50' }, { name: 'Gate valve' }],
      messages: [first, reply],
    });
  });

  test('skips entries it cannot read and any author the visitor must not see', () => {
    const conversation = readConversation(
      {
        inquiryId: 'inq_1',
        site: { name: 'Hengda' },
        rep: null,
        products: [{ sku: 'no name' }],
        messages: [first, { ...reply, author: 'note' }, { id: 'x' }, 'junk'],
      },
      'https://api.test',
    );
    expect(conversation).toMatchObject({ rep: null, products: [], messages: [first] });
  });

  test('is null for anything that is not a conversation', () => {
    expect(readConversation(null, 'https://api.test')).toBeNull();
    expect(readConversation({ inquiryId: 'inq_1' }, 'https://api.test')).toBeNull();
    expect(
      readConversation({ inquiryId: 'inq_1', site: { name: 'Hengda' } }, 'https://api.test'),
    ).toBeNull();
  });
});

describe('readThreadMessage and readMessageCreated', () => {
  test('an author name that is not a string reads as null', () => {
    expect(readThreadMessage({ ...reply, authorName: 42 })).toEqual({ ...reply, authorName: null });
  });

  test('reads the message of a 201, or null', () => {
    expect(readMessageCreated({ message: first })).toEqual(first);
    expect(readMessageCreated({ id: 'msg_1' })).toBeNull();
    expect(readMessageCreated('')).toBeNull();
  });
});
