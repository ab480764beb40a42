import { afterEach, beforeEach, expect, it } from 'vitest';
import { openSmtp } from '../support/smtp-client';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { waitUntil } from '../reliability/wait-until';

// The reliability tests kill the server while it sends mail: the sink then sees its client
// reset in the middle of a transaction, which smtp-server reports as an 'error' event.

let sink: SmtpSink;
beforeEach(async () => {
  sink = await startSmtpSink();
});
afterEach(() => sink.close());

it('keeps clients reset in the middle of a mail as errors, not an uncaught exception', async () => {
  for (let n = 0; n < 3; n++) {
    const client = await openSmtp(sink.port);
    expect(await client.reply()).toBe(220);
    client.send('EHLO test.example\r\n');
    expect(await client.reply()).toBe(250);
    client.send('MAIL FROM:<outbox@liaison.example>\r\n');
    expect(await client.reply()).toBe(250);
    client.reset();
  }
  await waitUntil(() => sink.errors.length === 3, {
    timeoutMs: 5_000,
    everyMs: 10,
    describe: () => `${sink.errors.length} errors kept`,
  });
  expect(sink.errors.map((e) => (e as NodeJS.ErrnoException).code)).toEqual([
    'ECONNRESET',
    'ECONNRESET',
    'ECONNRESET',
  ]);
  expect(sink.mails).toEqual([]);
});
