import { sql, type ExpressionBuilder, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database } from './database';
import { toInquiry } from './rows';
import type { PreparedSearch, RankedScope, SearchAdapter } from './search';
import { LIST_RANK, rankCeiling, rankFloor } from './list-place';
import type { Inquiry, Store } from './store';

/** Where a row stands in the list. */
type ListKey = { awaitingReply: boolean; lastActivityAt: string; id: string };

/** The inbox order: awaiting a reply first, then newest activity, then id (all descending). */
function listOrder(a: ListKey, b: ListKey): number {
  if (a.awaitingReply !== b.awaitingReply) return a.awaitingReply ? -1 : 1;
  if (a.lastActivityAt !== b.lastActivityAt) return a.lastActivityAt > b.lastActivityAt ? -1 : 1;
  return a.id === b.id ? 0 : a.id > b.id ? -1 : 1;
}

// Matches a search reads from a text index kept in list order (PreparedSearch.ranked, SQLite)
// before the other plans: a page of a site's common query takes about a page of them, and a
// rep's list or a status, once four pages' worth held too few, reads its own (scope words,
// migration 0026). Before those, a rep holding 0.5% of a million inquiries walked the site's
// matches to an eighth of this and then its own rows: 49 ms for "rhein", 101 ms for "valve".
const RANKED_WALK = 4000;

// Up to this many matches, a search that found too few near the top of the list is driven by
// the text index, the matches fetched by primary key and sorted here; past it, see below.
const SELECTIVE_SEARCH = 2000;

// Up to this many matches (estimated), a search whose page would take more than SORTED_WALK
// rows of the list to fill sorts all of them; else it reads the list's order index with the
// match as a filter. At a million inquiries on PostgreSQL, sorting 17,000 matches took
// 0.4-0.7 s (a random read per match), reading the list up to them 2.7-4 s.
const SORTED_SEARCH = 20_000;
const SORTED_WALK = 10_000;

// Up to this many matches (estimated; or any number, unknown, when the list would be read far
// to fill the page), a search that found too few near the top of the list sorts them in the
// text index where it keeps their place in the list (PostgreSQL): "buyer1", 111,111 matches
// 400,000 rows down a million inquiries, took 1.0 s walking the list to them.
const SORTED_INDEX = 200_000;

// Rows of the list a search matches in runs (PreparedSearch.among) before the other plans: a
// word in one inquiry of SEARCH_WINDOW / 25 fills a first page there.
const SEARCH_WINDOW = 2000;

// Rows matched in one run when the engine cannot estimate how common the query is.
const UNKNOWN_WINDOW = 500;

/** Rows strictly after `after` in the list's (awaiting desc, activity desc, id desc) order. */
function afterRow(eb: ExpressionBuilder<Database, 'inquiries'>, after: ListKey) {
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

/** The query in list order, which the list indexes hold. */
function ordered<O>(query: SelectQueryBuilder<Database, 'inquiries', O>) {
  return query
    .orderBy('inquiries.awaitingReply', 'desc')
    .orderBy('inquiries.lastActivityAt', 'desc')
    .orderBy('inquiries.id', 'desc');
}

/** Where a search changes plans (the defaults above; tests make them small). */
export interface SearchThresholds {
  rankedWalk?: number;
  selectiveSearch?: number;
  sortedSearch?: number;
  sortedWalk?: number;
  sortedIndex?: number;
  searchWindow?: number;
  unknownWindow?: number;
}

/** The inbox list: a page of a scope's inquiries, filtered by status and text search. */
export function inquiryListQueries(
  db: Kysely<Database>,
  search: SearchAdapter,
  {
    rankedWalk = RANKED_WALK,
    selectiveSearch = SELECTIVE_SEARCH,
    sortedSearch = SORTED_SEARCH,
    sortedWalk = SORTED_WALK,
    sortedIndex = SORTED_INDEX,
    searchWindow = SEARCH_WINDOW,
    unknownWindow = UNKNOWN_WINDOW,
  }: SearchThresholds = {},
): Pick<Store, 'listInquiries' | 'exportInquiries'> {
  /** The rows of the scope (with the status) that come after `key` in the list. */
  type Listed = (key?: ListKey) => SelectQueryBuilder<Database, 'inquiries', object>;

  // Fetched by primary key and ordered here: with ORDER BY or the scope in the query, an
  // engine may walk a whole list index looking for a few rows (1.3 s, not 0.3 ms, at 1M).
  const byId = async (ids: string[]) => {
    if (ids.length === 0) return [];
    const rows = await db.selectFrom('inquiries').selectAll().where('id', 'in', ids).execute();
    return rows.map(toInquiry).sort(listOrder);
  };

  /**
   * The page from a text index kept in list order: its matches read newest first and kept
   * where in scope, until the page is full and every match of its last row's second was read
   * (the list orders a second's rows by their exact time, then id, which their ranks do not
   * follow); null after `rankedWalk` matches without that.
   *
   * Four pages' worth of all matches first. Then, while the page is not full, its rest and a
   * few more in scope alone: FTS5 steps through the scope's words too where it is asked for
   * them, which costs most where the scope holds most matches (a query each read of which
   * merges many words' lists, `merged`, asks so from the first read in a rep's list or a
   * status). A second a read stopped in is read whole in one more (a burst of inquiries may
   * share one): the page's last, once it is full, and the cursor's, whose rows before the
   * cursor are read only to be dropped.
   */
  const rankedPage = async (
    ranked: NonNullable<PreparedSearch['ranked']>,
    merged: boolean,
    scope: RankedScope,
    after: ListKey | undefined,
    limit: number,
  ): Promise<Inquiry[] | null> => {
    // By id: an inquiry that moved down the list between two reads is read twice; the first
    // stays.
    const found = new Map<string, { rank: number; inquiry: Inquiry }>();
    const page = () =>
      [...found.values()]
        .map((f) => f.inquiry)
        .sort(listOrder)
        .slice(0, limit);
    let below = after ? rankCeiling(after) : null;
    // The first rank of the cursor's second, until the reads are past it.
    let cursorFloor = below === null ? null : below - LIST_RANK.secondStep;
    // The first rank of the page's last second, once the page is full.
    let floor: number | null = null;
    const narrow = scope.repId !== undefined || scope.status !== undefined;
    for (let walked = 0, round = 0; walked < rankedWalk; round++) {
      const cursorSecond =
        round > 0 &&
        floor === null &&
        cursorFloor !== null &&
        below !== null &&
        below > cursorFloor;
      const whole = cursorSecond ? cursorFloor : floor;
      const all = round === 0 && !(merged && narrow);
      const narrowed = !all && whole === null;
      const wanted = all ? limit * 4 : whole === null ? limit - found.size + 8 : rankedWalk;
      const count = Math.min(wanted, rankedWalk - walked);
      const matches = await ranked(below, count, scope, narrowed, whole);
      walked += matches.length;
      // The scope was checked in the statement; the cursor here (its second's other rows).
      for (const { rank, inquiry } of matches) {
        if (inquiry && (!after || listOrder(inquiry, after) > 0) && !found.has(inquiry.id)) {
          found.set(inquiry.id, { rank, inquiry });
        }
      }
      const lowest = matches.at(-1)?.rank;
      const nth = [...found.values()]
        .map((f) => f.rank)
        .sort((a, b) => b - a)
        .at(limit - 1);
      const ended = lowest === undefined || matches.length < count;
      if (cursorSecond && ended) {
        // The cursor's second is read: a full page is in it, else the reads go on below it.
        if (found.size >= limit) return page();
        below = cursorFloor;
        cursorFloor = null;
        continue;
      }
      if (ended || (nth !== undefined && lowest <= rankFloor(nth))) return page();
      below = lowest;
      if (nth !== undefined) floor = rankFloor(nth);
    }
    return null;
  };

  /**
   * A common query: the next rows of the list, read from its index alone, matched a run at a
   * time until the page is full; no text index entry is read whole (on PostgreSQL, reading
   * "rhein"'s, a fifth of a million inquiries, took 42 ms; on SQLite, 30 ms). The matches
   * found, how many rows were read, and whether that settles the page (it is full, or the
   * list ended); null when the query is too rare for this plan or the engine declined.
   */
  const nearMatches = async (
    prepared: PreparedSearch,
    listed: Listed,
    after: ListKey | undefined,
    limit: number,
  ): Promise<{ found: string[]; seen: number; settled: boolean } | null> => {
    const { share } = prepared;
    if (share !== null && limit / share > searchWindow) return null;
    const window = share === null ? unknownWindow : searchWindow;
    const found: string[] = [];
    let last = after;
    let seen = 0;
    while (seen < window) {
      const expected = share === null ? window : ((limit - found.length) / share) * 1.25 + 20;
      const run = Math.min(Math.ceil(expected), window - seen);
      const keys = await ordered(
        listed(last).select([
          'inquiries.id',
          'inquiries.awaitingReply',
          'inquiries.lastActivityAt',
        ]),
      )
        .limit(run)
        .execute();
      const matched = keys.length > 0 ? await prepared.among(keys.map((k) => k.id)) : new Set();
      if (matched === null) return null;
      found.push(...keys.filter((k) => matched.has(k.id)).map((k) => k.id));
      // A full page, or every row left in the list looked at.
      seen += keys.length;
      if (found.length >= limit || keys.length < run) return { found, seen, settled: true };
      const end = keys[keys.length - 1];
      if (end) last = { ...end, awaitingReply: end.awaitingReply === 1 };
    }
    return { found, seen, settled: false };
  };

  return {
    async exportInquiries(scope, { status, search: query, afterId, limit }) {
      // By primary key: the scope is compared as an expression, which no index serves, so that
      // neither engine walks a site index and sorts all of it for each batch.
      let q = db
        .selectFrom('inquiries')
        .selectAll()
        .where(sql<string>`${sql.ref('inquiries.siteId')} || ''`, '=', scope.siteId);
      if (scope.repId !== undefined) q = q.where('inquiries.repId', '=', scope.repId);
      if (status) q = q.where('inquiries.status', '=', status);
      if (afterId) q = q.where('inquiries.id', '<', afterId);
      const prepared = query ? await search.prepare(db, query) : null;
      if (prepared?.share === 0) return [];
      if (prepared) q = q.where(prepared.filter);
      const rows = await q.orderBy('inquiries.id', 'desc').limit(limit).execute();
      return rows.map(toInquiry);
    },

    async listInquiries(scope, { status, search: query, after, limit }) {
      const listed: Listed = (key) => {
        let q = db.selectFrom('inquiries').where('inquiries.siteId', '=', scope.siteId);
        if (scope.repId !== undefined) q = q.where('inquiries.repId', '=', scope.repId);
        if (status) q = q.where('inquiries.status', '=', status);
        if (key) q = q.where((eb) => afterRow(eb, key));
        return q;
      };
      // The same, row by row, for rows read by key.
      const shown = (i: Inquiry) =>
        i.siteId === scope.siteId &&
        (scope.repId === undefined || i.repId === scope.repId) &&
        (!status || i.status === status) &&
        (!after || listOrder(i, after) > 0);
      let q = listed(after);
      const prepared = query ? await search.prepare(db, query) : null;
      if (prepared) {
        if (prepared.share === 0) return [];
        if (prepared.ranked && rankedWalk > 0) {
          const page = await rankedPage(
            prepared.ranked,
            prepared.merged,
            { ...scope, ...(status && { status }) },
            after,
            limit,
          );
          if (page) return page;
        }
        const near = await nearMatches(prepared, listed, after, limit);
        if (near?.settled) return byId(near.found.slice(0, limit));
        // How far down the list the page would take a walk (as the rows read so far, or else
        // the estimate, say).
        const { indexed, matches, share, sorted } = prepared;
        const density = near && near.seen > 0 ? near.found.length / near.seen : share;
        const toRead = density ? limit / density : Infinity;
        // Sorted in the text index (PostgreSQL): when the matches are few (no inquiry row is
        // read for each), or the page lies far down the list and they are not too many.
        const far = toRead > sortedWalk;
        if (
          sorted &&
          sortedIndex > 0 &&
          (matches === null ? far : matches <= selectiveSearch || (far && matches <= sortedIndex))
        ) {
          // Checked again on the rows read: one reassigned or closed since is not shown.
          const ids = await sorted({ ...scope, ...(status && { status }) }, after, limit);
          return (await byId(ids)).filter(shown);
        }
        // A rare query, or fewer matches than a page near the top of the list: the text index
        // says which, reading at most `selectiveSearch` + 1 of its entries.
        const ids = await prepared.candidates(selectiveSearch);
        if (ids !== null) {
          return (await byId(ids)).filter(shown).slice(0, limit);
        }
        // Not too many matches, and far down the list: all of them from the text index,
        // sorted. The + keeps the engine from reading the list index in order instead.
        if (indexed && matches !== null && matches <= sortedSearch && toRead > sortedWalk) {
          const rows = await q
            .selectAll('inquiries')
            .where(indexed)
            .orderBy(sql<number>`+${sql.ref('inquiries.awaitingReply')}`, 'desc')
            .orderBy('inquiries.lastActivityAt', 'desc')
            .orderBy('inquiries.id', 'desc')
            .limit(limit)
            .execute();
          return rows.map(toInquiry);
        }
        q = q.where(prepared.filter);
      }
      const rows = await ordered(q.selectAll('inquiries')).limit(limit).execute();
      return rows.map(toInquiry);
    },
  };
}
