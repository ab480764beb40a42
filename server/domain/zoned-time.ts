// Converting between instants and wall-clock readings in an IANA timezone, with Intl alone.
//
// A wall-clock reading is kept as "wall ms": the reading's fields packed with Date.UTC, a
// timeline on which every local day is exactly 24 hours long. Instants are epoch ms.

const MINUTE = 60_000;
const DAY = 86_400_000;

// Building a DateTimeFormat costs far more than formatting with it; the set of zones that pass
// construction is bounded by the IANA database, so the cache cannot grow without limit.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  const cached = formatters.get(timeZone);
  if (cached) return cached;
  const invalid = new RangeError(
    `Invalid time zone "${timeZone}": expected an IANA name such as "Europe/Berlin"`,
  );
  // Newer ICU versions accept offsets such as "+05:30"; an offset follows no daylight saving,
  // so we reject them everywhere rather than differently on each runtime.
  if (/^[+-]/.test(timeZone)) throw invalid;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      // 'h23', not hour12: false: the latter prints midnight as "24" on some runtimes.
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch (error) {
    if (error instanceof RangeError) throw invalid;
    throw error;
  }
  formatters.set(timeZone, formatter);
  return formatter;
}

/** Whether an IANA timezone name is valid here (offsets such as "+05:30" are refused). */
export function isValidTimeZone(name: string): boolean {
  try {
    formatterFor(name);
    return true;
  } catch (error) {
    if (error instanceof RangeError) return false;
    throw error;
  }
}

/** Throws a RangeError naming `timeZone` unless it is a valid IANA name. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

/** The wall-clock reading of the instant `at` in `timeZone`, as wall ms. */
export function toWallClock(timeZone: string, at: number): number {
  const parts = formatterFor(timeZone).formatToParts(at);
  const field = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value);
  // Intl stops at seconds; the milliseconds carry over unchanged in every zone.
  const millisecond = ((at % 1000) + 1000) % 1000;
  return Date.UTC(
    field('year'),
    field('month') - 1,
    field('day'),
    field('hour'),
    field('minute'),
    field('second'),
    millisecond,
  );
}

/**
 * The first instant at which the clock in `timeZone` reads `wall` or later: the first of two
 * occurrences in a fall-back fold, and the end of the gap when `wall` is skipped by spring-forward.
 */
export function toInstant(timeZone: string, wall: number): number {
  // A day either side reaches past any transition near `wall`, so these are both offsets in play.
  const offsets = [...new Set([wall - DAY, wall, wall + DAY].map((at) => offsetAt(timeZone, at)))];
  // The larger offset gives the earlier instant: trying it first picks a fold's first occurrence.
  offsets.sort((a, b) => b - a);
  for (const offset of offsets) {
    if (toWallClock(timeZone, wall - offset) === wall) return wall - offset;
  }
  // `wall` lies in a gap: find the transition between the instant read before it and after it.
  let before = wall - Math.max(...offsets);
  let after = wall - Math.min(...offsets);
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (toWallClock(timeZone, middle) >= wall) after = middle;
    else before = middle;
  }
  return after;
}

function offsetAt(timeZone: string, at: number): number {
  return toWallClock(timeZone, at) - at;
}

/** The local day (days since 1970-01-01 on the wall clock) whose date the clock shows at `at`. */
export function localDayAt(timeZone: string, at: number): number {
  return Math.floor(toWallClock(timeZone, at) / DAY);
}

/** 0 for Monday to 6 for Sunday, for a local day number. */
export function weekdayIndex(localDay: number): number {
  // 1970-01-01 was a Thursday.
  return (((localDay + 3) % 7) + 7) % 7;
}

/** Maps minutes after local midnight (0-1440) of `localDay` to the instant the clock reads them. */
export function localDayClock(timeZone: string, localDay: number): (minutes: number) => number {
  const midnight = toInstant(timeZone, localDay * DAY);
  const nextMidnight = toInstant(timeZone, (localDay + 1) * DAY);
  // A transition always changes the day's length, so a 24-hour day has one offset throughout.
  if (nextMidnight - midnight === DAY) return (minutes) => midnight + minutes * MINUTE;
  return (minutes) => toInstant(timeZone, localDay * DAY + minutes * MINUTE);
}
