import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { freePort, startServerProcess, type ServerProcess } from '../support/server-process';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { inquiryBody } from '../support/test-app';
import type { CreatedInquiry } from './inquiry-load';
import {
  acknowledgementToken,
  duplicatedKeys,
  repNotificationInquiry,
  resendCount,
  tallyMails,
} from './mail-tally';
import { waitForDrain } from './outbox-drain';
import { postInquiry } from './post-inquiry';
import { LOAD_LIMITS } from './load-limits';
import { readStored, repeatedVisitors } from './stored-inquiries';

const BATCH = 20;
const OUTAGE_MS = 3_000;
// The first retry comes 5-10 s after the failure (retryDelayMs in server/domain/outbox.ts).
const DRAIN_MS = 40_000;

/** POSTs inquiries `from`..`from + count - 1` one by one, `gapMs` apart; each must get a 201. */
async function sendInquiries(
  url: string,
  from: number,
  count: number,
  gapMs = 0,
): Promise<CreatedInquiry[]> {
  const created: CreatedInquiry[] = [];
  for (let n = from; n < from + count; n++) {
    const email = `outage-${n}@buyer.example`;
    const outcome = await postInquiry(url, inquiryBody({ name: `Outage Visitor ${n}`, email }));
    if (outcome.kind !== 'created') throw new Error(`inquiry ${n}: ${JSON.stringify(outcome)}`);
    created.push({ id: outcome.created.id, token: outcome.created.token, email });
    if (gapMs > 0) await sleep(gapMs);
  }
  return created;
}

describe('an SMTP outage', () => {
  it(
    'retries and mails every inquiry exactly once across the outage',
    { timeout: 90_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'liaison-outage-'));
      const database = join(dir, 'liaison.sqlite');
      // Both sinks listen on this port in turn, so the server's SMTP_URL stays the same.
      const port = await freePort();
      const first = await startSmtpSink(port);
      const sinks: SmtpSink[] = [first];
      const open = new Set(sinks);
      let server: ServerProcess | null = null;
      try {
        server = await startServerProcess({
          DATABASE_URL: database,
          SMTP_URL: `smtp://127.0.0.1:${port}`,
          OUTBOX_POLL_MS: '50',
          ...LOAD_LIMITS,
        });
        const before = await sendInquiries(server.url, 0, BATCH);
        // The first batch goes through the first sink, so the outage starts with an empty outbox.
        await waitForDrain({
          mails: () => first.mails,
          database,
          created: before,
          timeoutMs: 10_000,
        });

        const outageBegan = Date.now();
        open.delete(first);
        await first.close();
        // Spread over the outage, so deliveries fail, and come due again, at different moments.
        const during = await sendInquiries(server.url, BATCH, BATCH, OUTAGE_MS / BATCH);
        await sleep(Math.max(0, OUTAGE_MS - (Date.now() - outageBegan)));
        const second = await startSmtpSink(port);
        sinks.push(second);
        open.add(second);
        const outageMs = Date.now() - outageBegan;

        const created = [...before, ...during];
        const mails = () => sinks.flatMap((s) => s.mails);
        const drained = await waitForDrain({ mails, database, created, timeoutMs: DRAIN_MS });
        await server.stop();
        // The server logs JSON lines (server/ops/log.ts): count the outbox's retry lines.
        const retries = server
          .output()
          .split('\n')
          .filter((line) => /^\{.*"msg":"\[outbox\] \S+ \S+: retry"/.test(line)).length;
        const rep = tallyMails(mails(), repNotificationInquiry);
        const ack = tallyMails(mails(), acknowledgementToken);
        console.log(
          [
            `[smtp-outage] outage ${outageMs} ms; all mailed ${drained.mailedMs} ms after it; outbox empty ${drained.settledMs} ms after that`,
            `  201s ${created.length}; mails: first sink ${first.mails.length}, second sink ${second.mails.length}; retries logged ${retries}`,
            `  resends with the same Message-ID: rep ${resendCount(rep)}, ack ${resendCount(ack)}`,
          ].join('\n'),
        );

        const stored = await readStored(database, created);
        expect(stored.lost).toEqual([]);
        expect(repeatedVisitors(stored)).toEqual([]);
        expect(retries).toBeGreaterThan(0);
        // No process died, so nothing may be sent twice, not even under the same Message-ID.
        for (const tally of [rep, ack]) {
          expect(duplicatedKeys(tally)).toEqual([]);
          expect(resendCount(tally)).toBe(0);
        }
        expect(rep.size).toBe(created.length);
      } finally {
        await server?.stop();
        for (const sink of open) await sink.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
