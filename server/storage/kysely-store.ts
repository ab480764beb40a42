import type { Kysely } from 'kysely';
import { authQueries } from './auth-queries';
import type { Database } from './database';
import { inquiryQueries } from './inquiry-queries';
import { outboxQueries } from './outbox-queries';
import { routingQueries } from './routing-queries';
import type { SearchAdapter } from './search';
import { siteQueries } from './site-queries';
import type { Store } from './store';

/** The Store on any Kysely dialect; the dialect factory alone knows the engine. */
export function createKyselyStore(db: Kysely<Database>, search: SearchAdapter): Store {
  return {
    ...siteQueries(db),
    ...inquiryQueries(db, search),
    ...authQueries(db),
    ...outboxQueries(db),
    ...routingQueries(db),
  };
}
