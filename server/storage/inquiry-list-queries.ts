import type { ExpressionBuilder, Kysely, SelectQueryBuilder } from 'kysely';
import type { Database } from './database';
import { toInquiry } from './rows';
import type { SearchAdapter } from './search';
import type { InboxScope, Store } from './store';

/** The inbox order: awaiting a reply first, then newest activity, then id (all descending). */
function listOrder(
  a: { awaitingReply: boolean; lastActivityAt: string; id: string },
  b: { awaitingReply: boolean; lastActivityAt: string; id: string },
): number {
  if (a.awaitingReply !== b.awaitingReply) return a.awaitingReply ? -1 : 1;
  if (a.lastActivityAt !== b.lastActivityAt) return a.lastActivityAt > b.lastActivityAt ? -1 : 1;
  return a.id === b.id ? 0 : a.id > b.id ? -1 : 1;
}

// Up to this many matches, a search is driven by the text index and sorted; past it, by the
// list's order index with the match as a filter.
const SELECTIVE_SEARCH = 2000;

// Rows of the list a search matches in runs (PreparedSearch.among) before the other plans: a
// word in one inquiry of SEARCH_WINDOW / 25 fills a first page there.
const SEARCH_WINDOW = 2000;

// The first run when the engine cannot estimate how common the query is; each next run is
// twice as long, up to UNKNOWN_WINDOW rows in all.
const FIRST_RUN = 100;
const UNKNOWN_WINDOW = 500;

/** Rows strictly after `after` in the list's (awaiting desc, activity desc, id desc) order. */
function afterRow(
  eb: ExpressionBuilder<Database, 'inquiries'>,
  after: { awaitingReply: boolean; lastActivityAt: string; id: string },
) {
  const awaiting = after.awaitingReply ? 1 : 0;
  return eb.or([
    eb('inquiries.awaitingReply', '<', awaiting),
    eb.and([
      eb('inquiries.awaitingReply', '=', awaiting),
      eb.or([
        eb('inquiries.lastActivityAt', '<', after.lastActivityAt),
        eb.and([
          eb('inquiries.lastActivityAt', '=', after.lastActivityAt),
          eb('inquiries.id', '<', after.id),
        ]),
      ]),
    ]),
  ]);
}

/** Where a search changes plans (the defaults above; tests make them small). */
export interface SearchThresholds {
  selectiveSearch?: number;
  searchWindow?: number;
  unknownWindow?: number;
}

/** The inbox list: a page of a scope's inquiries, filtered by status and text search. */
export function inquiryListQueries(
  db: Kysely<Database>,
  search: SearchAdapter,
  {
    selectiveSearch = SELECTIVE_SEARCH,
    searchWindow = SEARCH_WINDOW,
    unknownWindow = UNKNOWN_WINDOW,
  }: SearchThresholds = {},
): Pick<Store, 'listInquiries'> {
  const inScope = (scope: InboxScope) => {
    let q = db.selectFrom('inquiries').where('inquiries.siteId', '=', scope.siteId);
    if (scope.repId !== undefined) q = q.where('inquiries.repId', '=', scope.repId);
    return q;
  };

  return {
    async listInquiries(scope, { status, search: query, after, limit }) {
      let q = inScope(scope);
      if (status) q = q.where('inquiries.status', '=', status);
      if (after) q = q.where((eb) => afterRow(eb, after));
      const ordered = <O>(query: SelectQueryBuilder<Database, 'inquiries', O>) =>
        query
          .orderBy('inquiries.awaitingReply', 'desc')
          .orderBy('inquiries.lastActivityAt', 'desc')
          .orderBy('inquiries.id', 'desc');
      const prepared = query ? await search.prepare(db, query) : null;
      if (prepared) {
        if (prepared.share === 0) return [];
        const byId = async (ids: string[]) => {
          if (ids.length === 0) return [];
          // By primary key, ordered here: with ORDER BY or the scope in the query, an engine may
          // walk a whole list index looking for a few rows (1.3 s instead of 0.3 ms at 1M).
          const rows = await db
            .selectFrom('inquiries')
            .selectAll()
            .where('id', 'in', ids)
            .execute();
          return rows.map(toInquiry).sort(listOrder);
        };
        // A common query: the next rows of the list, read from its index alone, matched a run at
        // a time until the page is full. No text index entry is read whole (on PostgreSQL,
        // reading "rhein"'s, a fifth of a million inquiries, took 42 ms; on SQLite, 30 ms).
        const { share } = prepared;
        if (share === null || limit / share <= searchWindow) {
          const window = share === null ? unknownWindow : searchWindow;
          const next = await ordered(q.select('inquiries.id')).limit(window).execute();
          const found: string[] = [];
          let run = FIRST_RUN;
          let at = 0;
          for (; at < next.length && found.length < limit; at += run, run *= 2) {
            if (share !== null) run = Math.ceil(((limit - found.length) / share) * 1.25) + 20;
            const ids = next.slice(at, at + run).map((r) => r.id);
            const matched = await prepared.among(ids);
            if (matched === null) break;
            found.push(...ids.filter((id) => matched.has(id)));
          }
          // A full page, or every row left in the list looked at.
          const seenAll = at >= next.length && next.length < window;
          if (found.length >= limit || seenAll) return byId(found.slice(0, limit));
        }
        // A rare query, or fewer matches than a page near the top of the list: the text index
        // says which, reading at most `selectiveSearch` + 1 of its entries.
        const ids = await prepared.candidates(selectiveSearch);
        if (ids !== null) {
          const found = await byId(ids);
          return found
            .filter(
              (i) =>
                i.siteId === scope.siteId && (scope.repId === undefined || i.repId === scope.repId),
            )
            .filter((i) => !status || i.status === status)
            .filter((i) => !after || listOrder(i, after) > 0)
            .slice(0, limit);
        }
        q = q.where(prepared.filter);
      }
      const rows = await ordered(q.selectAll('inquiries')).limit(limit).execute();
      return rows.map(toInquiry);
    },
  };
}
