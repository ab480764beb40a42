// One autocannon run against one target, for tests/bench/api-throughput.ts: req/s, latency,
// and the serving process's CPU time per request (from /proc, Linux).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export interface Figures {
  target: string;
  reqPerSec: number;
  /** The serving process's CPU time (user + system) per answered request, in µs. */
  cpuPerRequest: number;
  p50: number;
  p99: number;
  ok: number;
  failed: number;
}

/** What autocannon sends to one target: one request shape, rebuilt for every request. */
export interface Target {
  name: string;
  url: string;
  /** The process that serves it. */
  pid: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  setupRequest?: (request: autocannon.Request) => autocannon.Request;
}

/** One autocannon run of `seconds` against `target`; logs a progress line per second. */
export async function load(
  target: Target,
  label: string,
  seconds: number,
  connections: number,
): Promise<Figures> {
  let second = 0;
  let inSecond = 0;
  const statuses = new Map<number, number>();
  let firstError: string | null = null;
  const cpuBefore = cpuMicros(target.pid);
  const ticker = setInterval(() => {
    second++;
    process.stdout.write(
      `\r  ${label}: ${second}/${seconds} s, ${inSecond} req in the last second `,
    );
    inSecond = 0;
  }, 1000);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        connections,
        duration: seconds,
        requests: [
          {
            method: target.method ?? 'GET',
            headers: target.headers ?? {},
            ...(target.setupRequest && { setupRequest: target.setupRequest }),
            onResponse: (status: number, body: string) => {
              if (status >= 300 && firstError === null) firstError = `${status} ${body}`;
            },
          },
        ],
      },
      (err, r) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(r)),
    );
    instance.on('response', (_client, status: number) => {
      inSecond++;
      if (status >= 300) statuses.set(status, (statuses.get(status) ?? 0) + 1);
    });
  });
  clearInterval(ticker);
  const cpu = cpuMicros(target.pid) - cpuBefore;
  process.stdout.write('\n');
  if (statuses.size > 0) {
    console.log(`  not 2xx: ${JSON.stringify(Object.fromEntries(statuses))}; first: ${firstError}`);
  }
  return {
    target: label,
    reqPerSec: result.requests.average,
    cpuPerRequest: cpu / Math.max(1, result['2xx'] + result.non2xx),
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * A process's CPU time so far (user + system), in µs, from /proc (Linux); NaN elsewhere. The
 * time it used per request is steadier than req/s when something else runs on the machine.
 */
function cpuMicros(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line; 12 and 13 after the name.
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}
