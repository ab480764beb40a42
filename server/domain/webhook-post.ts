import { lookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { isPrivateAddress, literalAddress } from './webhook-address';

/** What a receiver answered: its status and the start of its body (for errors). */
export interface PostAnswer {
  status: number;
  body: string;
}

/** A refused destination: calling again will not help. */
export class RefusedAddressError extends Error {
  override name = 'RefusedAddressError';
}

export interface PostOptions {
  /** Loopback and private addresses allowed (tests, development). */
  allowPrivate: boolean;
  timeoutMs: number;
}

const BODY_KEPT = 2048;

// Resolves as Node would, then refuses the connection when any address is private: checked
// on the addresses the socket will use, so a name cannot resolve one way when checked and
// another when connected (DNS rebinding).
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...(options as LookupOptions), all: true }, (err, found) => {
      const addresses = found as unknown as LookupAddress[];
      if (err) return callback(err, '', 0);
      const refused = allowPrivate ? undefined : addresses.find((a) => isPrivateAddress(a.address));
      if (refused) {
        return callback(
          new RefusedAddressError(`${hostname} resolves to a private address (${refused.address})`),
          '',
          0,
        );
      }
      if ((options as LookupOptions).all) return callback(null, addresses as never);
      const first = addresses[0];
      if (!first) return callback(new Error(`${hostname} has no address`), '', 0);
      callback(null, first.address, first.family);
    });
  };
}

/**
 * POSTs `body` to `url` and resolves with the answer; rejects on a network failure or timeout,
 * and with RefusedAddressError for a private destination. Redirects are not followed.
 */
export function postWebhook(
  url: URL,
  body: string,
  headers: Record<string, string>,
  { allowPrivate, timeoutMs }: PostOptions,
): Promise<PostAnswer> {
  const literal = literalAddress(url.hostname);
  if (!allowPrivate && literal !== null && isPrivateAddress(literal)) {
    return Promise.reject(new RefusedAddressError(`${literal} is a private address`));
  }
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
        lookup: guardedLookup(allowPrivate),
        signal: AbortSignal.timeout(timeoutMs),
      },
      (res) => {
        let kept = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (kept.length < BODY_KEPT) kept += chunk.slice(0, BODY_KEPT - kept.length);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: kept }));
        res.on('error', reject);
      },
    );
    req.on('error', (err) =>
      reject(err.name === 'AbortError' ? new Error(`no answer within ${timeoutMs} ms`) : err),
    );
    req.end(body);
  });
}
