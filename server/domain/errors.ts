import type { ErrorCode } from '../../contract';

/** An expected failure, with a code from the contract; HTTP maps it once, in app.onError. */
export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    /** Seconds until trying again makes sense (sent as Retry-After). */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}
