import { describe, expect, it } from 'vitest';
import { workingMinutesBetween } from './working-hours';
import {
  berlinEarly,
  berlinNight,
  emptyWeek,
  newYorkNight,
  overnight,
  shanghai,
  sundays,
  sydneyNight,
  tokyoLunch,
} from './working-hours-fixtures';

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
