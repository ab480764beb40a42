import { describe, expect, it } from 'vitest';
import { readDetail, readEvent, readMe, readPage, readReps } from './responses';

const summary = {
  id: 'i1',
  status: 'new',
  unread: true,
  awaitingReply: true,
  visitor: { name: 'Jane', email: 'jane@buyer.example', company: null, country: 'Germany' },
  product: 'Ball Valve DN50',
  preview: 'Please quote',
  rep: { id: 'r1', name: 'Mr. Moore Liu' },
  createdAt: '2026-11-29T08:00:00.000Z',
  lastActivityAt: '2026-11-29T08:00:00.000Z',
};

describe('readMe', () => {
  it('reads a rep and refuses anything without a role or site', () => {
    const me = {
      id: 'r1',
      name: 'M',
      email: 'm@x.example',
      role: 'admin',
      site: { key: 'demo', name: 'D' },
    };
    expect(readMe(me)).toEqual(me);
    expect(readMe({ ...me, role: 'owner' })).toBeNull();
    expect(readMe({ ...me, site: null })).toBeNull();
    expect(readMe('<html>')).toBeNull();
  });
});

describe('readPage', () => {
  it('keeps the rows it can read and drops the others', () => {
    const page = readPage({
      items: [summary, { ...summary, id: 7 }, { ...summary, id: 'i2', status: 'archived' }],
      nextCursor: 'c2',
      unreadCount: 3,
    });
    expect(page?.items.map((item) => item.id)).toEqual(['i1']);
    expect(page?.nextCursor).toBe('c2');
    expect(page?.unreadCount).toBe(3);
  });

  it('is null without items, and defaults the rest', () => {
    expect(readPage({ nextCursor: null })).toBeNull();
    expect(readPage({ items: [] })).toEqual({ items: [], nextCursor: null, unreadCount: 0 });
  });
});

describe('readDetail', () => {
  it('defaults missing optional parts and drops unreadable messages', () => {
    const detail = readDetail({
      ...summary,
      visitor: { ...summary.visitor, phone: '+49' },
      products: [{ name: 'Valve', sku: 'V1', url: 5 }, { sku: 'no name' }],
      messages: [
        {
          id: 'm1',
          kind: 'visitor',
          authorName: null,
          body: 'Hi',
          channel: 'widget',
          createdAt: summary.createdAt,
        },
        { id: 'm2', kind: 'alien', body: 'x', createdAt: summary.createdAt },
      ],
    });
    expect(detail?.products).toEqual([{ name: 'Valve', sku: 'V1' }]);
    expect(detail?.messages.map((m) => m.id)).toEqual(['m1']);
    expect(detail?.page).toEqual({ url: null, referrer: null, language: null, timezone: null });
    expect(detail?.quantity).toBeNull();
    expect(detail?.assignmentReason).toBe('');
  });
});

describe('readReps', () => {
  it('reads the options, active unless said otherwise', () => {
    expect(readReps([{ id: 'r1', name: 'A' }, { id: 'r2', name: 'B', active: false }, {}])).toEqual(
      [
        { id: 'r1', name: 'A', active: true },
        { id: 'r2', name: 'B', active: false },
      ],
    );
    expect(readReps({})).toBeNull();
  });
});

describe('readEvent', () => {
  it('reads inbox events and ignores anything else', () => {
    expect(readEvent('{"type":"message","inquiryId":"i1"}')).toEqual({
      type: 'message',
      inquiryId: 'i1',
    });
    expect(readEvent('{"type":"party","inquiryId":"i1"}')).toBeNull();
    expect(readEvent('not json')).toBeNull();
    expect(readEvent(42)).toBeNull();
  });
});
