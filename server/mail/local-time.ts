/**
 * `at` as a visitor in `timeZone` saw it, e.g. "Sun, 29 Nov 2026, 10:19 (Asia/Shanghai)";
 * null when the zone is not a valid IANA name (it comes from the visitor's browser).
 */
export function formatLocalTime(at: Date, timeZone: string): string | null {
  if (!isTimeZone(timeZone)) return null;
  const text = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  return `${text} (${timeZone})`;
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch (err) {
    // Intl signals an unknown zone only by throwing a RangeError.
    if (err instanceof RangeError) return false;
    throw err;
  }
}
