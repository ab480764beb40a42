import type { InquiryCreated } from '../../contract';

/**
 * What one POST of an inquiry came to, as the sender can know it:
 * - `created`: a 201 with its body, so the inquiry is committed (design goal 1);
 * - `answered`: any other status, with the body text;
 * - `refused`: no connection at all, so the server never saw the request;
 * - `unknown`: the connection died before a full answer, so it may or may not be stored.
 */
export type PostOutcome =
  | { kind: 'created'; created: InquiryCreated }
  | { kind: 'answered'; status: number; body: string }
  | { kind: 'refused' }
  | { kind: 'unknown'; error: string };

export interface PostOptions {
  /** Sent as the Idempotency-Key header: a resend with it gets the first answer again. */
  idempotencyKey?: string;
  timeoutMs?: number;
}

/** POSTs one inquiry to the demo site and classifies the outcome; never throws. */
export async function postInquiry(
  baseUrl: string,
  body: Record<string, unknown>,
  { idempotencyKey, timeoutMs = 10_000 }: PostOptions = {},
): Promise<PostOutcome> {
  let res: Response;
  try {
    res = await fetch(`${baseUrl}/api/v1/sites/demo/inquiries`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(idempotencyKey && { 'Idempotency-Key': idempotencyKey }),
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    // Only a refused connection proves the request was never seen. A reset, a closed
    // keep-alive socket or a timeout may come after the server committed the inquiry.
    if (errorCode(err) === 'ECONNREFUSED') return { kind: 'refused' };
    return { kind: 'unknown', error: describe(err) };
  }
  try {
    const text = await res.text();
    if (res.status !== 201) return { kind: 'answered', status: res.status, body: text };
    return { kind: 'created', created: JSON.parse(text) as InquiryCreated };
  } catch (err) {
    // A 201 whose body was cut off: stored, but we do not know its id.
    return { kind: 'unknown', error: `answer cut off: ${describe(err)}` };
  }
}

// undici wraps socket errors: TypeError('fetch failed') with the system error as `cause`.
function errorCode(err: unknown): string | undefined {
  const cause = err instanceof Error ? err.cause : undefined;
  if (typeof cause !== 'object' || cause === null || !('code' in cause)) return undefined;
  return typeof cause.code === 'string' ? cause.code : undefined;
}

function describe(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const code = errorCode(err);
  return code ? `${message} (${code})` : message;
}
