/** The widget's own signals about how the form was filled; absent from other clients. */
export interface ClientSignals {
  /** A field hidden from people: anything in it was typed by a bot. */
  honeypot?: string | undefined;
  /** Milliseconds between the form being shown and sent. */
  elapsedMs?: number | undefined;
}

/**
 * Why a submission looks automated, or null. Only signals a request carries are judged, so a
 * site owner's own form or server, which send none, is judged by the other filters alone.
 */
export function spamReason(
  signals: ClientSignals | undefined,
  minElapsedMs: number,
): string | null {
  if (!signals) return null;
  if (signals.honeypot) return 'the hidden field was filled in';
  if (signals.elapsedMs !== undefined && signals.elapsedMs < minElapsedMs) {
    return `sent ${signals.elapsedMs} ms after the form was shown`;
  }
  return null;
}
