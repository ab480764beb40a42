// The baseline of tests/bench/api-throughput.ts: a bare Hono route on @hono/node-server, in a
// process of its own as the real server is, so that both compete with the load generator alike.
// With ANSWER_FILE (JSON: { status, headers, body }), GET /answer sends that fixed answer: a
// real widget-config answer's bytes and headers with no work behind them, the ceiling of (b).
// With NAIVE_DATABASE (a SQLite path or a postgres:// URL), POST /naive stores each JSON body
// with one Kysely insert of its own (the engine's pragmas and pool as the server opens them):
// the "naive insert per request" issue 7 compares ingest with.
//   PORT=8788 [ANSWER_FILE=answer.json] [NAIVE_DATABASE=...] node --import tsx tests/bench/hello-server.ts
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { type Kysely, sql } from 'kysely';
import { openPostgres } from '../../server/storage/postgres';
import { openSqlite } from '../../server/storage/sqlite';

interface FixedAnswer {
  status: 200;
  headers: Record<string, string>;
  body: string;
}

interface NaiveDatabase {
  naiveInquiries: { id: string; email: string; body: string; createdAt: string };
}

const port = Number(process.env.PORT ?? 8788);
const answerFile = process.env.ANSWER_FILE;
const answer = answerFile
  ? (JSON.parse(readFileSync(answerFile, 'utf8')) as FixedAnswer)
  : { status: 200 as const, headers: {}, body: '' };
const naive = await openNaive(process.env.NAIVE_DATABASE);

const app = new Hono()
  .get('/hello', (c) => c.text('hello'))
  .get('/answer', (c) => c.body(answer.body, answer.status, answer.headers))
  .post('/naive', async (c) => {
    if (!naive) return c.text('no NAIVE_DATABASE', 404);
    const body = await c.req.json<{ email?: unknown }>();
    const id = randomUUID();
    await naive
      .insertInto('naiveInquiries')
      .values({
        id,
        email: String(body.email),
        body: JSON.stringify(body),
        createdAt: new Date().toISOString(),
      })
      .execute();
    return c.json({ id }, 201);
  });
serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => {
  console.log(`hello listening on ${port}`);
});
process.once('SIGTERM', () => process.exit(0));

async function openNaive(target: string | undefined): Promise<Kysely<NaiveDatabase> | null> {
  if (!target) return null;
  const db = (target.startsWith('postgres')
    ? openPostgres(target)
    : openSqlite(target)) as unknown as Kysely<NaiveDatabase>;
  await sql`create table if not exists naive_inquiries (
    id text primary key, email text not null, body text not null, created_at text not null
  )`.execute(db);
  return db;
}
