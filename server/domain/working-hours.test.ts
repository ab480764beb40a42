import { describe, expect, it } from 'vitest';
import type { WeeklyHours } from '../../contract';
import {
  currentPeriodEnd,
  isValidTimeZone,
  isWorkingAt,
  nextWorkingStart,
  workingMinutesBetween,
} from './working-hours';

// Expected instants are written in UTC, worked out by hand from each zone's offsets, so the
// tests do not lean on the Intl conversions they check.

type Period = NonNullable<WeeklyHours['days']['mon']>[number];

const workweek = (...periods: Period[]): WeeklyHours['days'] => ({
  mon: periods,
  tue: periods,
  wed: periods,
  thu: periods,
  fri: periods,
});
const sundays = (timezone: string, ...periods: Period[]): WeeklyHours => ({
  timezone,
  days: { sun: periods },
});

const shanghai: WeeklyHours = { timezone: 'Asia/Shanghai', days: workweek(['09:00', '18:00']) };
const tokyoLunch: WeeklyHours = {
  timezone: 'Asia/Tokyo',
  days: workweek(['09:00', '12:00'], ['13:00', '18:00']),
};
const newYork: WeeklyHours = { timezone: 'America/New_York', days: workweek(['09:00', '17:00']) };
const sydney: WeeklyHours = { timezone: 'Australia/Sydney', days: workweek(['09:00', '17:00']) };
const berlinNight = sundays('Europe/Berlin', ['00:00', '06:00']);
const berlinEarly = sundays('Europe/Berlin', ['02:30', '05:00']);
const newYorkNight = sundays('America/New_York', ['00:00', '06:00']);
const newYorkEarly = sundays('America/New_York', ['01:30', '05:00']);
const sydneyNight = sundays('Australia/Sydney', ['00:00', '06:00']);
const lateMonday: WeeklyHours = { timezone: 'Europe/Berlin', days: { mon: [['18:00', '24:00']] } };
const overnight: WeeklyHours = {
  timezone: 'Europe/Berlin',
  days: { mon: [['22:00', '24:00']], tue: [['00:00', '06:00']] },
};
const wednesdayOff: WeeklyHours = {
  timezone: 'Europe/Berlin',
  days: { ...workweek(['09:00', '17:00']), wed: [] },
};
const emptyWeek: WeeklyHours = { timezone: 'Europe/Berlin', days: {} };
const kolkata: WeeklyHours = { timezone: 'Asia/Kolkata', days: workweek(['09:00', '17:30']) };
const kathmandu: WeeklyHours = { timezone: 'Asia/Kathmandu', days: workweek(['09:00', '17:00']) };

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

const iso = (date: Date | null) => date?.toISOString() ?? null;

describe.each(cases)('$name', ({ hours, at, working, next, end }) => {
  it('isWorkingAt', () => expect(isWorkingAt(hours, new Date(at))).toBe(working));
  it('nextWorkingStart', () => expect(iso(nextWorkingStart(hours, new Date(at)))).toBe(next));
  it('currentPeriodEnd', () => expect(iso(currentPeriodEnd(hours, new Date(at)))).toBe(end));
});

describe('workingMinutesBetween', () => {
  const day = (from: string, to: string) => [new Date(from), new Date(to)] as const;
  // Each range covers the whole local Sunday and more, so the result is the period's real length.
  it.each([
    [
      'Berlin, 00:00-06:00 on the spring-forward day',
      berlinNight,
      day('2026-03-28', '2026-03-30'),
      300,
    ],
    ['Berlin, 00:00-06:00 on the fall-back day', berlinNight, day('2026-10-24', '2026-10-26'), 420],
    [
      'Berlin, 00:00-06:00 on an ordinary Sunday',
      berlinNight,
      day('2026-03-21', '2026-03-23'),
      360,
    ],
    [
      'Berlin, 02:30-05:00 when 02:30 is skipped',
      berlinEarly,
      day('2026-03-28', '2026-03-30'),
      120,
    ],
    ['Berlin, 02:30-05:00 when 02:30 repeats', berlinEarly, day('2026-10-24', '2026-10-26'), 210],
    ['New York, 00:00-06:00 on Mar 8', newYorkNight, day('2026-03-07', '2026-03-09'), 300],
    ['New York, 00:00-06:00 on Nov 1', newYorkNight, day('2026-10-31', '2026-11-02'), 420],
    ['Sydney, 00:00-06:00 on Oct 4 (spring)', sydneyNight, day('2026-10-02', '2026-10-05'), 300],
    ['Sydney, 00:00-06:00 on Apr 5 (autumn)', sydneyNight, day('2026-04-03', '2026-04-06'), 420],
    ['Shanghai, a calendar week', shanghai, day('2026-03-02', '2026-03-09'), 5 * 9 * 60],
    [
      'Tokyo, 08:00-19:00 with lunch',
      tokyoLunch,
      day('2026-06-01T23:00Z', '2026-06-02T10:00Z'),
      480,
    ],
    ['overnight shift', overnight, day('2026-01-12T20:00Z', '2026-01-13T06:00Z'), 480],
    ['part of a period', shanghai, day('2026-03-02T01:30Z', '2026-03-02T02:00:30Z'), 30.5],
    ['an empty week', emptyWeek, day('2026-01-01', '2026-02-01'), 0],
    ['a reversed range', shanghai, day('2026-03-09', '2026-03-02'), 0],
  ] as const)('%s', (_name, hours, [from, to], minutes) => {
    expect(workingMinutesBetween(hours, from, to)).toBe(minutes);
  });

  it('counts overlapping periods once', () => {
    const overlapping = sundays('Europe/Berlin', ['00:00', '06:00'], ['02:30', '05:00']);
    const [from, to] = day('2026-10-24', '2026-10-26');
    expect(workingMinutesBetween(overlapping, from, to)).toBe(420);
  });

  it('keeps periods that touch in a fold as long as one period', () => {
    const split = sundays('Europe/Berlin', ['00:00', '02:30'], ['02:30', '05:00']);
    const whole = sundays('Europe/Berlin', ['00:00', '05:00']);
    const [from, to] = day('2026-10-24', '2026-10-26');
    expect(workingMinutesBetween(split, from, to)).toBe(360);
    expect(workingMinutesBetween(whole, from, to)).toBe(360);
  });
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

describe('time zones and misuse', () => {
  it.each([
    ['Europe/Berlin', true],
    ['UTC', true],
    ['Asia/Kathmandu', true],
    ['Asia/Calcutta', true], // an alias, still an IANA name
    ['Mars/Olympus_Mons', false],
    ['+05:30', false],
    ['', false],
  ])('isValidTimeZone(%j) is %s', (name, valid) => {
    expect(isValidTimeZone(name)).toBe(valid);
  });

  it('throws a RangeError naming an invalid time zone', () => {
    const hours: WeeklyHours = { timezone: 'Mars/Olympus_Mons', days: {} };
    const at = new Date('2026-01-12T10:00:00.000Z');
    const message = /Invalid time zone "Mars\/Olympus_Mons"/;
    expect(() => isWorkingAt(hours, at)).toThrow(RangeError);
    expect(() => isWorkingAt(hours, at)).toThrow(message);
    expect(() => nextWorkingStart(hours, at)).toThrow(message);
    expect(() => currentPeriodEnd(hours, at)).toThrow(message);
    expect(() => workingMinutesBetween(hours, at, at)).toThrow(message);
  });

  it('throws on a period that ends before it starts', () => {
    const hours: WeeklyHours = { timezone: 'UTC', days: { fri: [['22:00', '02:00']] } };
    expect(() => isWorkingAt(hours, new Date('2026-01-12T10:00:00.000Z'))).toThrow(
      /22:00-02:00 on fri must end after it starts/,
    );
  });

  it('throws on an invalid date', () => {
    expect(() => isWorkingAt(shanghai, new Date(Number.NaN))).toThrow(RangeError);
  });
});
