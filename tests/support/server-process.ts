import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { buildServerBundle, SERVER_BUNDLE } from '../../server/build-bundle';

const ROOT = join(import.meta.dirname, '../..');

/** A free loopback port, found by binding port 0 and letting it go. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** The real server (`server/main.ts`) in a child process, as `npm run serve` runs it. */
export interface ServerProcess {
  url: string;
  /** Its process id (benchmarks read its CPU time from /proc). */
  pid: number;
  /** Everything it printed so far. */
  output(): string;
  /** Sends `signal` and waits for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface ServerProcessOptions {
  /**
   * A file the server's stdout and stderr go to, instead of a pipe this process reads. For
   * benchmarks: at thousands of access lines a second, reading the pipe would tax the load
   * generator, and a full pipe would block the server's writes.
   */
  outputFile?: string;
  /**
   * An open descriptor the server's stdout and stderr go to, read by the caller when it chooses
   * (a FIFO: a log reader that lags). Its start is then seen by its port answering.
   */
  outputFd?: number;
  /**
   * Runs the bundle production runs (`dist/server.js`, rebuilt first by `npm run build:server`)
   * instead of the TypeScript sources through tsx: for benchmarks, which must measure what is
   * deployed (tsx's loader thread alone holds some 50 MB).
   */
  compiled?: boolean;
}

/** Starts the server with `env` added to the environment; resolves once it listens. */
export async function startServerProcess(
  env: Record<string, string>,
  { outputFile, outputFd, compiled = false }: ServerProcessOptions = {},
): Promise<ServerProcess> {
  const port = env.PORT ?? String(await freePort());
  const url = `http://127.0.0.1:${port}`;
  const fd = outputFd ?? (outputFile === undefined ? null : openSync(outputFile, 'w'));
  if (compiled) await buildServerBundle();
  const args = compiled
    ? ['--enable-source-maps', SERVER_BUNDLE]
    : ['--import', 'tsx', 'server/main.ts'];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    // PUBLIC_URL matches the URL tests use, so the inbox's same-origin check and the pages'
    // CSP see one origin.
    // Every test request comes from 127.0.0.1 within seconds: the abuse limits are lifted
    // unless a test sets them (their own tests run in-process, tests/integration/abuse.test.ts).
    env: {
      ...process.env,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      RATE_LIMIT_IP_PER_MINUTE: '100000',
      RATE_LIMIT_SITE_PER_MINUTE: '1000000',
      MIN_FORM_MS: '0',
      POW_FLOOD_PER_MINUTE: '1000000',
      RATE_LIMIT_MESSAGES_PER_MINUTE: '100000',
      ...env,
      PORT: port,
    },
    stdio: fd === null ? ['ignore', 'pipe', 'pipe'] : ['ignore', fd, fd],
  });
  if (fd !== null && outputFd === undefined) closeSync(fd);
  let piped = '';
  child.stdout?.on('data', (d: Buffer) => (piped += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (piped += d.toString()));
  const output = () =>
    outputFd !== undefined
      ? ''
      : outputFile === undefined
        ? piped
        : readFileSync(outputFile, 'utf8');
  // On 'close', not 'exit': its output may still be on the way at 'exit'.
  const exited = new Promise<number | null>((resolve) =>
    child.once('close', (code) => resolve(code)),
  );

  await new Promise<void>((resolve, reject) => {
    // A file is looked at every 50 ms; a pipe on each chunk, until the server listens.
    const poll = fd === null ? null : setInterval(() => check(), 50);
    const timer = setTimeout(() => {
      // Do not leave it holding the port for the tests after this one.
      child.kill('SIGKILL');
      reject(new Error(`server did not start:\n${output()}`));
    }, 30_000);
    const done = () => {
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      child.stdout?.off('data', check);
    };
    function check() {
      if (outputFd !== undefined) {
        void fetch(`${url}/healthz`).then(ready, () => {});
        return;
      }
      if (output().includes('listening on')) ready();
    }
    function ready() {
      done();
      resolve();
    }
    child.stdout?.on('data', check);
    void exited.then((code) => {
      done();
      reject(new Error(`server exited with ${code}:\n${output()}`));
    });
  });

  return {
    url,
    pid: child.pid ?? 0,
    output,
    async stop(signal = 'SIGTERM') {
      child.kill(signal);
      return exited;
    },
  };
}
