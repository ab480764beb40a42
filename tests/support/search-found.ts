import type { Kysely } from 'kysely';
import { postgresSearch } from '../../server/storage/postgres';
import type { Database } from '../../server/storage/database';
import { sqliteSearch } from '../../server/storage/sqlite';
import type { TestApp } from './test-app';

/**
 * The inquiries a text search finds (its filter over the whole table), by the names given in
 * `names`, sorted; an inquiry not named is given as `unnamed` says (its id unless told).
 */
export async function foundBySearch(
  { db, engine }: { db: Kysely<Database>; engine: TestApp['engine'] },
  query: string,
  names: Record<string, string>,
  unnamed: (id: string) => string = (id) => id,
): Promise<string[]> {
  const search = engine === 'postgres' ? postgresSearch : sqliteSearch;
  const prepared = await search.prepare(db, query);
  if (!prepared) throw new Error(`no words in ${query}`);
  const rows = await db.selectFrom('inquiries').select('id').where(prepared.filter).execute();
  return rows.map((r) => names[r.id] ?? unnamed(r.id)).sort();
}
