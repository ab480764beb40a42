// When a rep is at work, from their weekly hours (contract/routing.ts). Pure: the instant is
// passed in, and local time comes from Intl through zoned-time.ts.
//
// Each period of each local day becomes an interval of instants [start, end):
// - a start or end the clock skips (spring-forward gap) falls on the first instant after the gap,
//   so 00:00-06:00 lasts 5 hours on that day, and 02:30-05:00 in Berlin starts at 03:00;
// - a start or end the clock shows twice (fall-back fold) falls on its first occurrence, so
//   00:00-06:00 lasts 7 hours, and 00:00-02:30 plus 02:30-05:00 stay as long as 00:00-05:00.
//   A shift is one unbroken stretch: 02:30-05:00 on Berlin's fall-back day starts at the first
//   02:30 and is still on at the second 02:15, although that reading lies before 02:30;
// - "24:00" is the next local midnight. A period cannot cross midnight: an overnight shift is
//   written as two periods, e.g. fri [["22:00", "24:00"]] and sat [["00:00", "06:00"]], and the
//   two are one shift for currentPeriodEnd.
// Overlapping periods are allowed and count once.

import { WEEKDAYS, type WeeklyHours } from '../../contract';
import { assertTimeZone, localDayAt, localDayClock, weekdayIndex } from './zoned-time';

export { isValidTimeZone } from './zoned-time';

const MINUTE = 60_000;

/** How far ahead a shift's end is looked for; a week with no break at all ends it there. */
const LOOKAHEAD_DAYS = 7;

/** Working hours parsed once per call: minutes after midnight, Monday first. */
interface Week {
  timeZone: string;
  days: ReadonlyArray<ReadonlyArray<readonly [from: number, to: number]>>;
}

/** A working stretch of one local day, as epoch ms: [start, end). */
interface Interval {
  start: number;
  end: number;
}

/** Whether `at` falls inside a working period, in the hours' own timezone. */
export function isWorkingAt(hours: WeeklyHours, at: Date): boolean {
  const week = parseWeek(hours);
  const t = instantOf(at);
  const day = localDayAt(week.timeZone, t);
  // After a fold that crosses midnight, the clock shows yesterday's date for an hour that already
  // belongs to today's periods; hence the next day too.
  return [day, day + 1].some((d) => dayIntervals(week, d).some((i) => contains(i, t)));
}

/** The next instant at or after `at` when a working period starts (or `at` itself if working); null if the week has no periods. */
export function nextWorkingStart(hours: WeeklyHours, at: Date): Date | null {
  const week = parseWeek(hours);
  const t = instantOf(at);
  if (week.days.every((periods) => periods.length === 0)) return null;
  const day = localDayAt(week.timeZone, t);
  // Eight days bring round every weekday after today's remaining hours. The second week is walked
  // only when the one period that came round lay wholly inside a spring-forward gap.
  for (let d = day; d <= day + 2 * 7; d++) {
    const intervals = dayIntervals(week, d);
    if (intervals.some((i) => contains(i, t))) return new Date(t);
    const next = intervals.find((i) => i.start > t);
    if (next) return new Date(next.start);
  }
  return null;
}

/** The end of the period `at` is in (null when not working) — the end of the current shift. */
export function currentPeriodEnd(hours: WeeklyHours, at: Date): Date | null {
  const week = parseWeek(hours);
  const t = instantOf(at);
  const day = localDayAt(week.timeZone, t);
  let end: number | null = null;
  for (let d = day; d <= day + LOOKAHEAD_DAYS; d++) {
    for (const i of dayIntervals(week, d)) {
      if (end === null) {
        if (contains(i, t)) end = i.end;
      } else if (i.start <= end) {
        // Touching or overlapping periods (22:00-24:00 then 00:00-06:00) are one shift.
        end = Math.max(end, i.end);
      } else {
        return new Date(end);
      }
    }
  }
  return end === null ? null : new Date(end);
}

/** Working minutes between `from` and `to` (for "reply within N working hours" and statistics). */
export function workingMinutesBetween(hours: WeeklyHours, from: Date, to: Date): number {
  const week = parseWeek(hours);
  const a = instantOf(from);
  const b = instantOf(to);
  if (b <= a) return 0;
  let total = 0;
  // Intervals arrive ordered by start, so counting only past `counted` counts overlaps once.
  let counted = a;
  const lastDay = localDayAt(week.timeZone, b) + 1;
  for (let d = localDayAt(week.timeZone, a); d <= lastDay; d++) {
    for (const i of dayIntervals(week, d)) {
      const start = Math.max(i.start, counted);
      const end = Math.min(i.end, b);
      if (end > start) {
        total += end - start;
        counted = end;
      }
    }
  }
  return total / MINUTE;
}

function dayIntervals(week: Week, day: number): Interval[] {
  const periods = week.days[weekdayIndex(day)] ?? [];
  if (periods.length === 0) return [];
  const clock = localDayClock(week.timeZone, day);
  return (
    periods
      .map(([from, to]) => ({ start: clock(from), end: clock(to) }))
      // A period wholly inside a spring-forward gap does not happen that day.
      .filter((i) => i.end > i.start)
      .sort((x, y) => x.start - y.start)
  );
}

function contains(interval: Interval, t: number): boolean {
  return interval.start <= t && t < interval.end;
}

function parseWeek(hours: WeeklyHours): Week {
  assertTimeZone(hours.timezone);
  const days = WEEKDAYS.map((weekday) =>
    (hours.days[weekday] ?? []).map(([from, to]) => {
      const period = [minutesOf(from), minutesOf(to)] as const;
      if (period[1] <= period[0]) {
        throw new RangeError(
          `Working period ${from}-${to} on ${weekday} must end after it starts; write an overnight shift as two periods`,
        );
      }
      return period;
    }),
  );
  return { timeZone: hours.timezone, days };
}

function minutesOf(clock: string): number {
  const match = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/.exec(clock);
  if (!match) {
    throw new RangeError(`Invalid clock time "${clock}": expected "HH:MM" from 00:00 to 24:00`);
  }
  return match[1] === undefined ? 24 * 60 : Number(match[1]) * 60 + Number(match[2]);
}

function instantOf(at: Date): number {
  const t = at.getTime();
  if (Number.isNaN(t)) throw new RangeError('Invalid date');
  return t;
}
