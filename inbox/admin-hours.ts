import { WEEKDAYS, type Weekday, type WeeklyHours } from '../contract/routing';

// The hours editor writes each weekday as text, "09:00-12:00, 13:00-18:00": quicker to type
// and to read aloud than four pairs of time pickers per day.

/** A weekday's periods as the editor shows them. */
export type DayTexts = Record<Weekday, string>;

type Period = [string, string];

const PERIOD = /^(\d{1,2}):([0-5]\d)\s*[-–]\s*(\d{1,2}):([0-5]\d)$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** Reads one day's text: periods separated by commas; empty is a day off. */
export function parseDay(
  text: string,
): { ok: true; periods: Period[] } | { ok: false; error: string } {
  const parts = text
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const periods: Period[] = [];
  for (const part of parts) {
    const m = PERIOD.exec(part);
    if (!m) return { ok: false, error: `"${part}" is not a period like 09:00-12:00.` };
    const [from, to] = [Number(m[1]) * 60 + Number(m[2]), Number(m[3]) * 60 + Number(m[4])];
    if (from >= 24 * 60 || to > 24 * 60)
      return { ok: false, error: `"${part}": hours go up to 24:00.` };
    if (to <= from) return { ok: false, error: `"${part}": the end must be after the start.` };
    periods.push([
      `${pad(Math.floor(from / 60))}:${pad(from % 60)}`,
      `${pad(Math.floor(to / 60))}:${pad(to % 60)}`,
    ]);
  }
  if (periods.length > 4) return { ok: false, error: 'At most four periods a day.' };
  return { ok: true, periods };
}

/** Writes one day's periods as the editor shows them. */
export const formatDay = (periods: ReadonlyArray<readonly [string, string]> | undefined): string =>
  (periods ?? []).map(([from, to]) => `${from}-${to}`).join(', ');

/** The editor's texts for `hours` (every day empty for none). */
export function formatHours(hours: WeeklyHours | null): DayTexts {
  const texts = Object.fromEntries(WEEKDAYS.map((day) => [day, formatDay(hours?.days[day])]));
  return { mon: '', tue: '', wed: '', thu: '', fri: '', sat: '', sun: '', ...texts };
}

/** Reads the editor into weekly hours; errors are keyed by weekday. */
export function parseHours(
  timezone: string,
  texts: DayTexts,
): { ok: true; hours: WeeklyHours } | { ok: false; errors: Partial<Record<Weekday, string>> } {
  const days: WeeklyHours['days'] = {};
  const errors: Partial<Record<Weekday, string>> = {};
  for (const day of WEEKDAYS) {
    const parsed = parseDay(texts[day]);
    if (!parsed.ok) errors[day] = parsed.error;
    else if (parsed.periods.length > 0) days[day] = parsed.periods;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, hours: { timezone: timezone.trim(), days } };
}

/** The comma-separated list a text field holds, trimmed, empties dropped. */
export const splitList = (text: string): string[] =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
