import type { ThreadMessage } from '../../contract/conversation';

/**
 * The rep's messages in `after` that `before` did not have. Nothing is new on the first load
 * (`before` null): the visitor is shown the thread, not told about it.
 */
export function newRepMessages(
  before: readonly ThreadMessage[] | null,
  after: readonly ThreadMessage[],
): ThreadMessage[] {
  if (!before) return [];
  const seen = new Set(before.map((message) => message.id));
  return after.filter((message) => message.author === 'rep' && !seen.has(message.id));
}

/** The thread with `message` at its end, unless it is there already (the live refetch won). */
export function withMessage(
  messages: readonly ThreadMessage[],
  message: ThreadMessage,
): ThreadMessage[] {
  return messages.some((known) => known.id === message.id) ? [...messages] : [...messages, message];
}

/** A message's time for the visitor: their own clock and the widget's language. */
export function formatTime(iso: string, lang: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(date);
}
