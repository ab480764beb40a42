import { execFileSync } from 'node:child_process';
import { closeSync, constants, existsSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { SMTPServer } from 'smtp-server';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../support/server-process';
import { inquiryBody } from '../support/test-app';

// SIGTERM against the real server process (server/main.ts): what is under way finishes, then
// the process exits 0. main.ts closes the HTTP server, then stops the outbox worker, which
// waits for the delivery it is sending, and only then closes the database.

const dir = mkdtempSync(join(tmpdir(), 'liaison-shutdown-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const INQUIRIES = '/api/v1/sites/demo/inquiries';

/** Everything a non-blocking descriptor gives until its writers close it; then closes it. */
async function readToEnd(fd: number): Promise<string> {
  const chunks: Buffer[] = [];
  const buffer = Buffer.alloc(64 * 1024);
  try {
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, buffer);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
        await sleep(2);
        continue;
      }
      if (n === 0) return Buffer.concat(chunks).toString();
      chunks.push(Buffer.from(buffer.subarray(0, n)));
    }
  } finally {
    closeSync(fd);
  }
}

/** POSTs `body` in two halves, calling `between` after the first half has gone out. */
function slowPost(
  url: string,
  body: string,
  between: () => Promise<void>,
  { keepAlive = false }: { keepAlive?: boolean } = {},
): Promise<{ status: number; text: string; connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}${INQUIRIES}`,
      {
        method: 'POST',
        agent: false,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
          Connection: keepAlive ? 'keep-alive' : 'close',
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text, connection: res.headers.connection }),
        );
      },
    );
    req.on('error', reject);
    const half = Math.floor(body.length / 2);
    req.write(body.slice(0, half));
    between().then(() => req.end(body.slice(half)), reject);
  });
}

/** An SMTP server that holds each mail for `holdMs` before accepting it. */
async function slowSmtp(holdMs: number) {
  const events: string[] = [];
  let started: () => void = () => {};
  const firstStarted = new Promise<void>((resolve) => (started = resolve));
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onData(stream, _session, done) {
      events.push('data');
      started();
      stream.resume();
      stream.on('end', () => {
        setTimeout(() => {
          events.push('accepted');
          done();
        }, holdMs);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    events,
    firstStarted,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('graceful shutdown', () => {
  it('finishes a request under way on SIGTERM, then exits 0', async () => {
    const server = await startServerProcess({ DATABASE_URL: join(dir, 'http.sqlite') });
    let exited: Promise<number | null> | undefined;
    const answer = await slowPost(server.url, JSON.stringify(inquiryBody()), async () => {
      await sleep(300);
      exited = server.stop('SIGTERM');
      await sleep(300);
    });
    expect(answer.status).toBe(201);
    expect(JSON.parse(answer.text)).toMatchObject({ id: expect.any(String) });
    expect(await exited).toBe(0);
    // A new request after the signal is not taken.
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });

  it('writes its last log lines out before it exits, when their reader lags', async () => {
    // Its output goes to a FIFO read only once it has stopped: past the FIFO's 64 KB, what the
    // server writes waits in the process, as for a log shipper that lags.
    const fifo = join(dir, 'stdout.fifo');
    execFileSync('mkfifo', [fifo]);
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const writer = openSync(fifo, 'w');
    const server = await startServerProcess(
      { DATABASE_URL: join(dir, 'log.sqlite') },
      { outputFd: writer },
    );
    closeSync(writer);
    // Access lines of 1.6 KB, 1.3 MB in all.
    const requests = 800;
    for (let i = 0; i < requests; i += 50) {
      await Promise.all(
        Array.from({ length: 50 }, (_, j) =>
          fetch(`${server.url}/no-such-page-${i + j}?${'q'.repeat(1500)}`).then((r) => r.text()),
        ),
      );
    }
    const exited = server.stop('SIGTERM');
    // Read once the server has closed its database, its last step before it logs "stopped"
    // and exits: an exit that does not wait for stdout has lost what was waiting by then.
    const wal = join(dir, 'log.sqlite-wal');
    while (existsSync(wal)) await sleep(5);
    const output = await readToEnd(reader);
    expect(await exited).toBe(0);
    const lines = output.trim().split('\n');
    expect(lines.filter((line) => line.includes('/no-such-page-'))).toHaveLength(requests);
    expect(lines.at(-1)).toContain('[http] stopped');
  });

  it('ends live streams at once, and lets a request under way take longer than 2 s', async () => {
    const server = await startServerProcess({ DATABASE_URL: join(dir, 'streams.sqlite') });
    const sent = await fetch(`${server.url}${INQUIRIES}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(inquiryBody()),
    });
    const { token } = (await sent.json()) as { token: string };
    const stream = await fetch(`${server.url}/api/v1/conversations/${token}/events`);
    const reader = stream.body!.getReader();
    await reader.read(); // ": connected"
    let exited: Promise<number | null> | undefined;
    const answer = await slowPost(server.url, JSON.stringify(inquiryBody()), async () => {
      await sleep(300); // the request's first half has arrived
      exited = server.stop('SIGTERM');
      // The stream ends with the signal: if it waited for the grace to end, the connection
      // of this request would be closed with it.
      while (!(await reader.read()).done);
      await sleep(3000);
    });
    expect(answer.status).toBe(201);
    expect(await exited).toBe(0);
  }, 30_000);

  it('closes a kept-alive connection with the answer it finishes, and claims no more mail', async () => {
    const smtp = await slowSmtp(0);
    const database = join(dir, 'keep-alive.sqlite');
    const server = await startServerProcess({
      DATABASE_URL: database,
      SMTP_URL: smtp.url,
      OUTBOX_POLL_MS: '50',
    });
    try {
      let exited: Promise<number | null> | undefined;
      // Another request goes on for a while after this one is answered: meanwhile the
      // outbox must not take this one's mail.
      const longer = slowPost(server.url, JSON.stringify(inquiryBody()), () => sleep(3000));
      const answer = await slowPost(
        server.url,
        JSON.stringify(inquiryBody()),
        async () => {
          await sleep(300);
          exited = server.stop('SIGTERM');
          await sleep(1000);
        },
        { keepAlive: true },
      );
      expect(answer.status).toBe(201);
      expect(answer.connection).toBe('close');
      expect((await longer).status).toBe(201);
      expect(await exited).toBe(0);
    } finally {
      await smtp.close();
    }
    // The inquiry stored while stopping waits in the outbox for the next process.
    const db = new Database(database, { readonly: true });
    const rows = db.prepare('select state, attempts from deliveries').all();
    db.close();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows).toEqual(rows.map(() => ({ state: 'pending', attempts: 0 })));
    expect(smtp.events).toEqual([]);
  }, 30_000);

  it('finishes the delivery it is sending before it exits', async () => {
    const smtp = await slowSmtp(1500);
    const database = join(dir, 'outbox.sqlite');
    const server = await startServerProcess({
      DATABASE_URL: database,
      SMTP_URL: smtp.url,
      OUTBOX_POLL_MS: '50',
    });
    try {
      const res = await fetch(`${server.url}${INQUIRIES}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(inquiryBody()),
      });
      expect(res.status).toBe(201);
      await smtp.firstStarted;
      expect(await server.stop('SIGTERM')).toBe(0);
    } finally {
      await smtp.close();
    }
    // The mail under way when the signal came was accepted, and recorded as sent once.
    expect(smtp.events.slice(0, 2)).toEqual(['data', 'accepted']);
    const db = new Database(database, { readonly: true });
    const rows = db.prepare('select state, attempts from deliveries').all() as Array<{
      state: string;
      attempts: number;
    }>;
    db.close();
    const sent = rows.filter((r) => r.state === 'sent');
    expect(sent.length).toBe(smtp.events.filter((e) => e === 'accepted').length);
    expect(sent.length).toBeGreaterThanOrEqual(1);
    expect(sent.every((r) => r.attempts === 1)).toBe(true);
    // Nothing was left half-done: a row is either sent or was never claimed.
    expect(rows.filter((r) => r.state !== 'sent').every((r) => r.attempts === 0)).toBe(true);
  });
});
