import { sql, type Kysely, type RawBuilder } from 'kysely';
import { engineOf } from './migrations/engine';
import type { RankedScope } from './search';

// SQLite: where an inquiry stands in the inbox list, as its text index row holds it: its rank
// (the row's rowid, which sorts as the list does: migration 0014) and its scope words (site,
// rep, status: migration 0026). search-index.ts writes them with the words; sqlite.ts reads by
// them.

/**
 * SQLite: an inquiry's `search_rank` (its text index row's rowid), which sorts as the inbox
 * list does (awaiting a reply first, then newest activity): awaiting * awaitingStep + the
 * seconds of its last activity since `epoch` * secondStep + its turn among the inquiries of
 * that second (from 0, in the order they got there; the list orders those by their exact
 * time, then id, which the reader sorts). Under 2^53, so JavaScript numbers hold it; seconds
 * up to 2156, and 2^20 inquiries a second. The store sets it as it writes an inquiry or a
 * message (`rankOnInsert`, `rankMoveOf`), and migration 0014's triggers for any other writer.
 */
export const LIST_RANK = { awaitingStep: 2 ** 52, secondStep: 2 ** 20, epoch: 1_577_836_800 };

/** The first rank past every inquiry at `key`'s second and awaiting flag; null: unreadable. */
export function rankCeiling(key: { awaitingReply: boolean; lastActivityAt: string }) {
  const ms = Date.parse(key.lastActivityAt);
  if (Number.isNaN(ms)) return null;
  const { awaitingStep, secondStep, epoch } = LIST_RANK;
  const second = Math.max(0, Math.floor(ms / 1000) - epoch);
  return (key.awaitingReply ? awaitingStep : 0) + (second + 1) * secondStep;
}

/**
 * SQLite: the rank an inquiry at (`awaiting`, `activity`) takes now: its second's first free
 * one (one inquiry in a second is the usual case: its first). Used by the store, as it writes
 * an inquiry or a message, and by migration 0014's triggers, for any other writer: a change
 * here needs a migration that creates those triggers again, or the two would disagree.
 */
export function nextRankOf(awaiting: RawBuilder<unknown>, activity: RawBuilder<unknown>) {
  return sql<number>`(select b + coalesce((select max(search_rank) + 1 - b from inquiries
      where search_rank >= b and search_rank < b + ${sql.lit(LIST_RANK.secondStep)}), 0)
    from (select ${rankBaseOf(awaiting, activity)} as b))`;
}

/** SQLite: the first rank of the second (and awaiting flag) an inquiry at these values is in. */
export function rankBaseOf(awaiting: RawBuilder<unknown>, activity: RawBuilder<unknown>) {
  const { awaitingStep, secondStep, epoch } = LIST_RANK;
  return sql<number>`${awaiting} * ${sql.lit(awaitingStep)}
    + max(0, unixepoch(${activity}) - ${sql.lit(epoch)}) * ${sql.lit(secondStep)}`;
}

/** The rank column of a new inquiry's row, from its columns (SQLite; none on PostgreSQL). */
export function rankOnInsert<T>(
  db: Kysely<T>,
  row: { awaitingReply: number; lastActivityAt: string },
): { searchRank?: RawBuilder<number> } {
  if (engineOf(db) === 'postgres') return {};
  return { searchRank: nextRankOf(sql.val(row.awaitingReply), sql.val(row.lastActivityAt)) };
}

/** Where a change moves an inquiry in the list: its rank before and after (SQLite). */
export interface RankMove {
  from: number;
  to: number;
}

/**
 * SQLite: the move a change of an inquiry's awaiting flag or last activity makes, read before
 * the change is written (which then sets `search_rank` to `to`, and `indexMessage` moves the
 * text index row with the message's words, one rewrite); null on PostgreSQL, when the change
 * moves nothing, or when the inquiry is gone.
 */
export async function rankMoveOf<T>(
  db: Kysely<T>,
  inquiryId: string,
  patch: { awaitingReply?: boolean; lastActivityAt?: string },
): Promise<RankMove | null> {
  if (engineOf(db) === 'postgres') return null;
  if (patch.awaitingReply === undefined && patch.lastActivityAt === undefined) return null;
  const awaiting = patch.awaitingReply === undefined ? null : patch.awaitingReply ? 1 : 0;
  const activity = patch.lastActivityAt ?? null;
  // The same place (values set as they were) is no move.
  const { rows } = await sql<{ oldRank: number; newRank: number }>`select
      search_rank as old_rank,
      case when coalesce(${awaiting}, awaiting_reply) = awaiting_reply
          and coalesce(${activity}, last_activity_at) = last_activity_at then search_rank
        else ${nextRankOf(
          sql`coalesce(${awaiting}, awaiting_reply)`,
          sql`coalesce(${activity}, last_activity_at)`,
        )} end as new_rank
    from inquiries where id = ${inquiryId}`.execute(db);
  const row = rows[0];
  if (!row || row.oldRank === row.newRank) return null;
  return { from: Number(row.oldRank), to: Number(row.newRank) };
}

/** The first rank of the second `rank` is in. */
export const rankFloor = (rank: number) =>
  Math.floor(rank / LIST_RANK.secondStep) * LIST_RANK.secondStep;

/**
 * SQLite: the words of an inquiry's scope, which its text index row holds in the column
 * `scope` (migration 0026) so that a search in a rep's list or a status reads only the matches
 * there: `·s` and its site, `·r` and its rep (`·r` alone when it has none) and `·t` and its
 * status, each id as the hex of its text. The `ascii` tokenizer reads each as one word (it
 * folds the case SQLite's hex() writes, and a non-ASCII character is part of a word), and no
 * query's term can hold a middle dot (searchWordsOf splits at it): a search's words never
 * match these, in any column. From `row`'s columns (a table, or a trigger's `new`): the store,
 * the migration and its trigger write the same words, and a change here needs a migration
 * that writes every row and the trigger again. `scopeWords` asks for them.
 */
export function scopeWordsOf(row: string) {
  const column = (name: string) => sql.ref(`${row}.${name}`);
  return sql<string>`'·s' || hex(${column('site_id')}) || ' ·r'
    || coalesce(hex(${column('rep_id')}), '') || ' ·t' || hex(${column('status')})`;
}

/** The scope words (`scopeWordsOf`) of the inquiries in a site, a rep's list, a status. */
export function scopeWords({ siteId, repId, status }: RankedScope): string[] {
  const hex = (text: string) => Buffer.from(text, 'utf8').toString('hex');
  return [
    `·s${hex(siteId)}`,
    ...(repId === undefined ? [] : [`·r${hex(repId)}`]),
    ...(status === undefined ? [] : [`·t${hex(status)}`]),
  ];
}
