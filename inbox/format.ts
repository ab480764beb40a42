import type { Status } from '../contract/inbox';

/** The status names reps see. */
export const STATUS_LABELS: Record<Status, string> = {
  new: 'New',
  open: 'Open',
  waiting: 'Waiting for visitor',
  closed: 'Closed',
  spam: 'Spam',
};

const relative = new Intl.RelativeTimeFormat('en', { style: 'short', numeric: 'always' });

/** How long ago `iso` was, seen from `now`: "just now", "5 min. ago", "3 hr. ago", "2 days ago". */
export function timeAgo(iso: string, now: number): string {
  const minutes = (now - Date.parse(iso)) / 60_000;
  if (!Number.isFinite(minutes)) return '';
  // A server clock slightly ahead of ours must not read "in 1 min.".
  if (minutes < 1) return 'just now';
  if (minutes < 60) return relative.format(-Math.floor(minutes), 'minute');
  const hours = minutes / 60;
  if (hours < 24) return relative.format(-Math.floor(hours), 'hour');
  const days = hours / 24;
  if (days < 30) return relative.format(-Math.floor(days), 'day');
  return dateTime(iso, { dateStyle: 'medium' });
}

/** A timestamp in the rep's own timezone. */
export function dateTime(
  iso: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat('en', options).format(date);
}

/** The URL when it is an http(s) link, else null: visitor-supplied URLs are never `javascript:`. */
export function webHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch (err) {
    // Not a URL at all: shown as text only.
    if (err instanceof TypeError) return null;
    throw err;
  }
}

/** A mailto: link whose address cannot add headers (`?cc=`) of its own. */
export const mailtoHref = (email: string): string =>
  `mailto:${email.split('@').map(encodeURIComponent).join('@')}`;

/** An unread count as shown: the server counts at most 100, so 100 reads "99+". */
export const countText = (count: number): string => (count > 99 ? '99+' : String(count));

/** The name to show for a visitor: their name, else their email. */
export const visitorName = (visitor: { name: string | null; email: string }): string =>
  visitor.name?.trim() || visitor.email;
