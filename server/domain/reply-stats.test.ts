import { describe, expect, it } from 'vitest';
import type { ReplyTiming } from '../storage/store';
import { replyStats } from './reply-stats';

const NOW = new Date('2026-11-29T12:00:00.000Z');
const REPS = [
  { id: 'ana', name: 'Ana' },
  { id: 'bo', name: 'Bo' },
];

/** An inquiry `ageHours` old, answered after `replyMinutes` (null: not yet). */
const timing = (repId: string, ageHours: number, replyMinutes: number | null): ReplyTiming => {
  const created = NOW.getTime() - ageHours * 3_600_000;
  return {
    repId,
    createdAt: new Date(created).toISOString(),
    firstReplyAt:
      replyMinutes === null ? null : new Date(created + replyMinutes * 60_000).toISOString(),
  };
};

describe('replyStats', () => {
  it.each([
    {
      name: 'no inquiries: nothing to say',
      timings: [],
      ana: { answered: 0, total: 0, medianFirstReplyMinutes: null, shareWithin24h: null },
    },
    {
      name: 'odd count: the middle wait',
      timings: [timing('ana', 100, 30), timing('ana', 100, 10), timing('ana', 100, 600)],
      ana: { answered: 3, total: 3, medianFirstReplyMinutes: 30, shareWithin24h: 1 },
    },
    {
      name: 'even count: the mean of the two middle waits',
      timings: [
        timing('ana', 100, 10),
        timing('ana', 100, 20),
        timing('ana', 100, 40),
        timing('ana', 100, 2000),
      ],
      ana: { answered: 4, total: 4, medianFirstReplyMinutes: 30, shareWithin24h: 0.75 },
    },
    {
      name: 'exactly 24 hours counts as within',
      timings: [timing('ana', 100, 24 * 60), timing('ana', 100, 24 * 60 + 1)],
      ana: { answered: 2, total: 2, medianFirstReplyMinutes: 24 * 60 + 0.5, shareWithin24h: 0.5 },
    },
    {
      name: 'unanswered and older than 24 hours counts as missed',
      timings: [timing('ana', 30, 60), timing('ana', 25, null)],
      ana: { answered: 1, total: 2, medianFirstReplyMinutes: 60, shareWithin24h: 0.5 },
    },
    {
      name: 'unanswered and younger than 24 hours is left out of the share',
      timings: [timing('ana', 30, 60), timing('ana', 2, null)],
      ana: { answered: 1, total: 2, medianFirstReplyMinutes: 60, shareWithin24h: 1 },
    },
    {
      name: 'only young unanswered ones: no share yet',
      timings: [timing('ana', 2, null), timing('ana', 23, null)],
      ana: { answered: 0, total: 2, medianFirstReplyMinutes: null, shareWithin24h: null },
    },
    {
      name: 'only old unanswered ones: none within',
      timings: [timing('ana', 48, null)],
      ana: { answered: 0, total: 1, medianFirstReplyMinutes: null, shareWithin24h: 0 },
    },
    {
      name: "another rep's inquiries do not count",
      timings: [timing('bo', 100, 5), timing('ghost', 100, 5)],
      ana: { answered: 0, total: 0, medianFirstReplyMinutes: null, shareWithin24h: null },
    },
  ])('$name', ({ timings, ana }) => {
    const [first] = replyStats(timings, REPS, NOW);
    expect(first).toEqual({ repId: 'ana', name: 'Ana', ...ana });
  });

  it('answers one row per rep, in the order given, reps without inquiries included', () => {
    const stats = replyStats([timing('bo', 10, 90)], REPS, NOW);
    expect(stats.map((s) => [s.repId, s.total, s.medianFirstReplyMinutes])).toEqual([
      ['ana', 0, null],
      ['bo', 1, 90],
    ]);
  });
});
