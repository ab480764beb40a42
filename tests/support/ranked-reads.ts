import type { PreparedSearch, SearchAdapter } from '../../server/storage/search';
import { sqliteSearch } from '../../server/storage/sqlite';

type Ranked = NonNullable<PreparedSearch['ranked']>;

/**
 * SQLite's search with each read of its text index in list order (`ranked`) shown to `seen`,
 * its arguments and what it read, before the list gets it: to count a page's reads, or to
 * change the inquiries between two of them.
 */
export function watchingRanked(
  seen: (args: Parameters<Ranked>, read: Awaited<ReturnType<Ranked>>) => unknown,
): SearchAdapter {
  return {
    async prepare(db, query) {
      const prepared = await sqliteSearch.prepare(db, query);
      const ranked = prepared?.ranked;
      if (!prepared || !ranked) throw new Error('no ranked plan');
      return {
        ...prepared,
        async ranked(...args) {
          const read = await ranked(...args);
          await seen(args, read);
          return read;
        },
      };
    },
  };
}
