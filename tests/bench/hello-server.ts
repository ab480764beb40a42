// The baseline of tests/bench/api-throughput.ts: a bare Hono route on @hono/node-server, in a
// process of its own as the real server is, so that both compete with the load generator alike.
// With ANSWER_FILE (JSON: { status, headers, body }), GET /answer sends that fixed answer: a
// real widget-config answer's bytes and headers with no work behind them, the ceiling of (b).
//   PORT=8788 [ANSWER_FILE=answer.json] node --import tsx tests/bench/hello-server.ts
import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

interface FixedAnswer {
  status: 200;
  headers: Record<string, string>;
  body: string;
}

const port = Number(process.env.PORT ?? 8788);
const answerFile = process.env.ANSWER_FILE;
const answer = answerFile
  ? (JSON.parse(readFileSync(answerFile, 'utf8')) as FixedAnswer)
  : { status: 200 as const, headers: {}, body: '' };
const app = new Hono()
  .get('/hello', (c) => c.text('hello'))
  .get('/answer', (c) => c.body(answer.body, answer.status, answer.headers));
serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => {
  console.log(`hello listening on ${port}`);
});
process.once('SIGTERM', () => process.exit(0));
