import { describe, expect, it } from 'vitest';
import type { WeeklyHours } from '../../contract';
import { currentPeriodEnd, isWorkingAt, nextWorkingStart } from './working-hours';
import {
  berlinEarly,
  berlinNight,
  emptyWeek,
  iso,
  kathmandu,
  kolkata,
  lateMonday,
  newYork,
  newYorkEarly,
  overnight,
  shanghai,
  sydney,
  tokyoLunch,
  wednesdayOff,
  workweek,
} from './working-hours-fixtures';

// Expected instants are written in UTC, worked out by hand from each zone's offsets, so the
// tests do not lean on the Intl conversions they check.

interface Case {
  name: string;
  hours: WeeklyHours;
  at: string;
  working: boolean;
  next: string | null;
  end: string | null;
}

// 2026: Mon Jan 12, Mon Mar 2, Mon Jun 1. DST: Europe Mar 29 / Oct 25 at 01:00Z, New York
// Mar 8 at 07:00Z / Nov 1 at 06:00Z, Sydney Oct 4 (Oct 3 16:00Z) / Apr 5 (Apr 4 16:00Z).
const cases: Case[] = [
  // Shanghai, UTC+8 all year.
  {
    name: 'Shanghai, Monday 10:00',
    hours: shanghai,
    at: '2026-03-02T02:00:00.000Z',
    working: true,
    next: '2026-03-02T02:00:00.000Z',
    end: '2026-03-02T10:00:00.000Z',
  },
  {
    name: 'Shanghai, a millisecond before 09:00',
    hours: shanghai,
    at: '2026-03-02T00:59:59.999Z',
    working: false,
    next: '2026-03-02T01:00:00.000Z',
    end: null,
  },
  {
    name: 'Shanghai, Friday 18:00 ends the week',
    hours: shanghai,
    at: '2026-03-06T10:00:00.000Z',
    working: false,
    next: '2026-03-09T01:00:00.000Z',
    end: null,
  },
  {
    name: 'Shanghai, Saturday (weekend off)',
    hours: shanghai,
    at: '2026-03-07T04:00:00.000Z',
    working: false,
    next: '2026-03-09T01:00:00.000Z',
    end: null,
  },
  // Lunch break, Tokyo (UTC+9).
  {
    name: 'Tokyo, 11:00 before lunch',
    hours: tokyoLunch,
    at: '2026-06-02T02:00:00.000Z',
    working: true,
    next: '2026-06-02T02:00:00.000Z',
    end: '2026-06-02T03:00:00.000Z',
  },
  {
    name: 'Tokyo, 12:30 at lunch',
    hours: tokyoLunch,
    at: '2026-06-02T03:30:00.000Z',
    working: false,
    next: '2026-06-02T04:00:00.000Z',
    end: null,
  },
  // Berlin, spring forward on Sunday Mar 29: 02:00 CET becomes 03:00 CEST.
  {
    name: 'Berlin spring, 01:59:59.999 CET, the last instant before the gap',
    hours: berlinNight,
    at: '2026-03-29T00:59:59.999Z',
    working: true,
    next: '2026-03-29T00:59:59.999Z',
    end: '2026-03-29T04:00:00.000Z',
  },
  {
    name: 'Berlin spring, a period starting at 02:30 starts at 03:00 CEST',
    hours: berlinEarly,
    at: '2026-03-28T12:00:00.000Z',
    working: false,
    next: '2026-03-29T01:00:00.000Z',
    end: null,
  },
  // Berlin, fall back on Sunday Oct 25: 03:00 CEST becomes 02:00 CET.
  {
    name: 'Berlin fall, a period starting at 02:30 starts at the first 02:30',
    hours: berlinEarly,
    at: '2026-10-24T12:00:00.000Z',
    working: false,
    next: '2026-10-25T00:30:00.000Z',
    end: null,
  },
  {
    name: 'Berlin fall, the first 02:15 is before the start',
    hours: berlinEarly,
    at: '2026-10-25T00:15:00.000Z',
    working: false,
    next: '2026-10-25T00:30:00.000Z',
    end: null,
  },
  {
    name: 'Berlin fall, the second 02:15 is inside the running shift',
    hours: berlinEarly,
    at: '2026-10-25T01:15:00.000Z',
    working: true,
    next: '2026-10-25T01:15:00.000Z',
    end: '2026-10-25T04:00:00.000Z',
  },
  // New York, spring forward on Sunday Mar 8 (02:00 EST -> 03:00 EDT).
  {
    name: 'New York spring, the weekend spans the change: Monday 09:00 is EDT',
    hours: newYork,
    at: '2026-03-07T12:00:00.000Z',
    working: false,
    next: '2026-03-09T13:00:00.000Z',
    end: null,
  },
  {
    name: 'New York spring, a period starting at 01:30 is not moved',
    hours: newYorkEarly,
    at: '2026-03-08T06:00:00.000Z',
    working: false,
    next: '2026-03-08T06:30:00.000Z',
    end: null,
  },
  // New York, fall back on Sunday Nov 1 (02:00 EDT -> 01:00 EST).
  {
    name: 'New York fall, 01:30 starts at its first occurrence (EDT)',
    hours: newYorkEarly,
    at: '2026-11-01T05:00:00.000Z',
    working: false,
    next: '2026-11-01T05:30:00.000Z',
    end: null,
  },
  {
    name: 'New York fall, 05:00 ends in EST',
    hours: newYorkEarly,
    at: '2026-11-01T06:30:00.000Z',
    working: true,
    next: '2026-11-01T06:30:00.000Z',
    end: '2026-11-01T10:00:00.000Z',
  },
  // Sydney: AEDT (UTC+11) ends Apr 5, starts again Oct 4.
  {
    name: 'Sydney autumn, Friday 17:00 AEDT to Monday 09:00 AEST',
    hours: sydney,
    at: '2026-04-03T06:00:00.000Z',
    working: false,
    next: '2026-04-05T23:00:00.000Z',
    end: null,
  },
  {
    name: 'Sydney spring, Friday 17:00 AEST to Monday 09:00 AEDT',
    hours: sydney,
    at: '2026-10-02T07:00:00.000Z',
    working: false,
    next: '2026-10-04T22:00:00.000Z',
    end: null,
  },
  // Midnight and "24:00" (Berlin, CET in January).
  {
    name: '"24:00": Monday 23:59:59.999 is working',
    hours: lateMonday,
    at: '2026-01-12T22:59:59.999Z',
    working: true,
    next: '2026-01-12T22:59:59.999Z',
    end: '2026-01-12T23:00:00.000Z',
  },
  {
    name: '"24:00": Tuesday 00:00 is not',
    hours: lateMonday,
    at: '2026-01-12T23:00:00.000Z',
    working: false,
    next: '2026-01-19T17:00:00.000Z',
    end: null,
  },
  {
    name: 'overnight shift: Monday 23:00 runs to Tuesday 06:00',
    hours: overnight,
    at: '2026-01-12T22:00:00.000Z',
    working: true,
    next: '2026-01-12T22:00:00.000Z',
    end: '2026-01-13T05:00:00.000Z',
  },
  {
    name: 'overnight shift: Tuesday 00:00 is the same shift',
    hours: overnight,
    at: '2026-01-12T23:00:00.000Z',
    working: true,
    next: '2026-01-12T23:00:00.000Z',
    end: '2026-01-13T05:00:00.000Z',
  },
  {
    name: 'a weekday with no periods is off',
    hours: wednesdayOff,
    at: '2026-01-14T09:00:00.000Z',
    working: false,
    next: '2026-01-15T08:00:00.000Z',
    end: null,
  },
  {
    name: 'an empty week never works',
    hours: emptyWeek,
    at: '2026-01-14T09:00:00.000Z',
    working: false,
    next: null,
    end: null,
  },
  // Offsets that are not whole hours.
  {
    name: 'Kolkata (+05:30), a millisecond before 09:00',
    hours: kolkata,
    at: '2026-01-12T03:29:59.999Z',
    working: false,
    next: '2026-01-12T03:30:00.000Z',
    end: null,
  },
  {
    name: 'Kolkata (+05:30), 09:00 to 17:30',
    hours: kolkata,
    at: '2026-01-12T03:30:00.000Z',
    working: true,
    next: '2026-01-12T03:30:00.000Z',
    end: '2026-01-12T12:00:00.000Z',
  },
  {
    name: 'Kathmandu (+05:45), 09:00 to 17:00',
    hours: kathmandu,
    at: '2026-01-12T03:15:00.000Z',
    working: true,
    next: '2026-01-12T03:15:00.000Z',
    end: '2026-01-12T11:15:00.000Z',
  },
  {
    name: 'Kathmandu (+05:45), Sunday to Monday 09:00',
    hours: kathmandu,
    at: '2026-01-11T12:00:00.000Z',
    working: false,
    next: '2026-01-12T03:15:00.000Z',
    end: null,
  },
];

describe.each(cases)('$name', ({ hours, at, working, next, end }) => {
  it('isWorkingAt', () => expect(isWorkingAt(hours, new Date(at))).toBe(working));
  it('nextWorkingStart', () => expect(iso(nextWorkingStart(hours, new Date(at)))).toBe(next));
  it('currentPeriodEnd', () => expect(iso(currentPeriodEnd(hours, new Date(at)))).toBe(end));
});

describe('around the clock', () => {
  const always: WeeklyHours = {
    timezone: 'UTC',
    days: { ...workweek(['00:00', '24:00']), sat: [['00:00', '24:00']], sun: [['00:00', '24:00']] },
  };
  it('has no end within the eight-day lookahead', () => {
    const at = new Date('2026-01-12T10:00:00.000Z');
    expect(isWorkingAt(always, at)).toBe(true);
    expect(iso(currentPeriodEnd(always, at))).toBe('2026-01-20T00:00:00.000Z');
  });
});
