import type { ParsedMail } from 'mailparser';
import { createKyselyStore } from '../../server/storage/kysely-store';
import { openSqlite, sqliteSearch } from '../../server/storage/sqlite';
import type { CreatedInquiry } from './inquiry-load';
import { acknowledgementToken, repNotificationInquiry, tallyMails } from './mail-tally';
import { waitUntil } from './wait-until';

export interface DrainOptions {
  /** Every mail received so far, from every sink. */
  mails: () => readonly ParsedMail[];
  /** The running server's SQLite file, read beside it (WAL allows one writer and readers). */
  database: string;
  created: readonly CreatedInquiry[];
  timeoutMs: number;
}

/** How long each step of the drain took. */
export interface Drained {
  /** Until every 201's rep notification and acknowledgement had arrived. */
  mailedMs: number;
  /** Then until no delivery was pending any more. */
  settledMs: number;
}

/**
 * Waits for the outbox to drain, in two steps: the mails of every answered inquiry, then no
 * pending row. The second step matters after a crash: a row claimed by the dead process may
 * already be mailed, and is resent (same Message-ID) only when its lease runs out.
 */
export async function waitForDrain({
  mails,
  database,
  created,
  timeoutMs,
}: DrainOptions): Promise<Drained> {
  const missing = () => {
    const rep = tallyMails(mails(), repNotificationInquiry);
    const ack = tallyMails(mails(), acknowledgementToken);
    return {
      rep: created.filter((c) => !rep.has(c.id)).length,
      ack: created.filter((c) => !ack.has(c.token)).length,
    };
  };
  const mailedMs = await waitUntil(
    () => {
      const m = missing();
      return m.rep === 0 && m.ack === 0;
    },
    {
      timeoutMs,
      describe: () => {
        const m = missing();
        return `of ${created.length} inquiries, ${m.rep} rep notifications and ${m.ack} acknowledgements missing`;
      },
    },
  );

  const db = openSqlite(database);
  try {
    const store = createKyselyStore(db, sqliteSearch);
    let pending = -1;
    const settledMs = await waitUntil(
      async () => (pending = await store.countDeliveries('pending')) === 0,
      { timeoutMs, everyMs: 250, describe: () => `${pending} deliveries still pending` },
    );
    return { mailedMs, settledMs };
  } finally {
    await db.destroy();
  }
}
