import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call a robot got, and whether it accepted it. */
export interface RobotCall {
  /** The raw query string, as sent (`access_token=...&timestamp=...&sign=...`). */
  query: string;
  body: string;
  /** `0` accepted; DingTalk's 310000 for a missing, late or wrong signature. */
  errcode: number;
}

/** A stand-in for a DingTalk custom robot on 127.0.0.1, signed (加签) when given a secret. */
export interface DingtalkRobot {
  /** `http://127.0.0.1:PORT/robot/send?access_token=...`: what an admin pastes. */
  url: string;
  calls: RobotCall[];
  /** The next errcodes to answer (after its own checks pass); afterwards 0. */
  answer(...errcodes: number[]): void;
  close(): Promise<void>;
}

/**
 * The sign DingTalk expects for `timestamp`, computed as its documentation does:
 * base64(HmacSHA256(key = secret, "timestamp\nsecret")).
 * https://open.dingtalk.com/document/robots/customize-robot-security-settings
 */
export function dingtalkSign(secret: string, timestamp: string): string {
  const mac = createHmac('sha256', Buffer.from(secret, 'utf8'));
  return mac.update(Buffer.from(`${timestamp}\n${secret}`, 'utf8')).digest('base64');
}

/**
 * Starts a robot that checks each call as DingTalk does: with a secret, `timestamp` must be
 * within an hour of its own clock and `sign` (URL-decoded) must be dingtalkSign's; it answers
 * 200 with `{ errcode, errmsg }`, as DingTalk does for a refusal too.
 */
export async function startDingtalkRobot(secret: string | null): Promise<DingtalkRobot> {
  const calls: RobotCall[] = [];
  const errcodes: number[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://robot');
      const problem = secret ? signatureProblem(secret, url.searchParams) : null;
      const errcode = problem ? 310000 : (errcodes.shift() ?? 0);
      calls.push({ query: url.search.slice(1), body, errcode });
      res
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ errcode, errmsg: problem ?? (errcode ? 'refused' : 'ok') }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/robot/send?access_token=0123456789abcdef`,
    calls,
    answer: (...next) => errcodes.push(...next),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function signatureProblem(secret: string, query: URLSearchParams): string | null {
  const timestamp = query.get('timestamp');
  const sign = query.get('sign');
  if (!timestamp || !sign) return 'sign not match: no timestamp or sign';
  if (!/^\d+$/.test(timestamp) || Math.abs(Date.now() - Number(timestamp)) > 3_600_000) {
    return 'invalid timestamp';
  }
  const expected = Buffer.from(dingtalkSign(secret, timestamp));
  const given = Buffer.from(sign);
  return expected.length === given.length && timingSafeEqual(expected, given)
    ? null
    : 'sign not match';
}
