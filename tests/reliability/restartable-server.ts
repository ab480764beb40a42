import { freePort, startServerProcess, type ServerProcess } from '../support/server-process';

/** The real server on one port and one database, which a test can kill and start again. */
export interface RestartableServer {
  url: string;
  /** SIGKILL: no shutdown handler runs, as in a power cut or an OOM kill. */
  kill(): Promise<void>;
  /** Starts a new process on the same port and database; resolves once it listens. */
  restart(): Promise<void>;
  /** SIGTERM the current process if one runs; safe to call more than once. */
  stop(): Promise<void>;
  /** Everything every process printed, in order. */
  output(): string;
}

/** Starts the server with `env` (DATABASE_URL, SMTP_URL, ...) on a free loopback port. */
export async function startRestartableServer(
  env: Record<string, string>,
): Promise<RestartableServer> {
  const port = String(await freePort());
  const earlier: string[] = [];
  let current: ServerProcess | null = await startServerProcess({ ...env, PORT: port });

  async function end(signal: NodeJS.Signals): Promise<void> {
    const proc = current;
    if (!proc) return;
    current = null;
    await proc.stop(signal);
    earlier.push(proc.output());
  }

  return {
    url: `http://127.0.0.1:${port}`,
    kill: () => end('SIGKILL'),
    async restart() {
      if (current) throw new Error('restart: the server still runs');
      current = await startServerProcess({ ...env, PORT: port });
    },
    stop: () => end('SIGTERM'),
    output: () => [...earlier, current?.output() ?? ''].join('\n'),
  };
}
