import { createKyselyStore } from '../../server/storage/kysely-store';
import { openSqlite, sqliteSearch } from '../../server/storage/sqlite';
import type { CreatedInquiry } from './inquiry-load';

/** What the SQLite file holds, read once the server has stopped. */
export interface Stored {
  /** Answered inquiries that are missing, or stored with another visitor. */
  lost: string[];
  /** Inquiries stored per visitor address. */
  perVisitor: Map<string, number>;
}

/** Opens the SQLite file and checks every answered inquiry with `findInquiry`. */
export async function readStored(
  database: string,
  created: readonly CreatedInquiry[],
): Promise<Stored> {
  const db = openSqlite(database);
  try {
    const store = createKyselyStore(db, sqliteSearch);
    const lost: string[] = [];
    for (const { id, email } of created) {
      const inquiry = await store.findInquiry(id);
      if (inquiry?.visitor.email !== email) lost.push(id);
    }
    const perVisitor = new Map<string, number>();
    for (const row of await db.selectFrom('inquiries').select('visitorEmail').execute()) {
      perVisitor.set(row.visitorEmail, (perVisitor.get(row.visitorEmail) ?? 0) + 1);
    }
    return { lost, perVisitor };
  } finally {
    await db.destroy();
  }
}

/** Visitors with more than one stored inquiry. */
export function repeatedVisitors(stored: Stored): string[] {
  return [...stored.perVisitor].filter(([, n]) => n > 1).map(([email]) => email);
}
