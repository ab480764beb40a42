// The baseline of tests/bench/api-throughput.ts: a bare Hono route on @hono/node-server, in a
// process of its own as the real server is, so that both compete with the load generator alike.
//   PORT=8788 node --import tsx tests/bench/hello-server.ts
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const port = Number(process.env.PORT ?? 8788);
const app = new Hono().get('/hello', (c) => c.text('hello'));
serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => {
  console.log(`hello listening on ${port}`);
});
process.once('SIGTERM', () => process.exit(0));
