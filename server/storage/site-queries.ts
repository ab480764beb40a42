import type { Kysely } from 'kysely';
import { compiledStatement } from './compiled-statement';
import type { Database } from './database';
import { endSessionsOf } from './auth-queries';
import { toRep, toSite } from './rows';
import type { NewRep, NewSite, Store } from './store';

// Every public request's first read (compiled-statement.ts).
const siteByKey = compiledStatement((db: Kysely<Database>, v: { key: string }) =>
  db.selectFrom('sites').selectAll().where('key', '=', v.key),
);

type SiteQueries = Pick<
  Store,
  | 'findSite'
  | 'findSiteByKey'
  | 'findRep'
  | 'findRepByHandle'
  | 'findRepByEmail'
  | 'listReps'
  | 'countSites'
  | 'createSite'
  | 'createRep'
  | 'createSiteWithRep'
  | 'setDefaultRep'
  | 'setRepActive'
  | 'findPasswordHash'
  | 'setPasswordHash'
>;

/** Sites, reps and their passwords. */
export function siteQueries(db: Kysely<Database>): SiteQueries {
  const reps = () => db.selectFrom('reps').selectAll();
  return {
    async findSite(id) {
      const row = await db.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toSite(row) : null;
    },
    async findSiteByKey(key) {
      const row = (await siteByKey(db, { key })).rows[0];
      return row ? toSite(row) : null;
    },
    async findRep(id) {
      const row = await reps().where('id', '=', id).executeTakeFirst();
      return row ? toRep(row) : null;
    },
    async findRepByHandle(siteId, handle) {
      const row = await reps()
        .where('siteId', '=', siteId)
        .where('handle', '=', handle)
        .executeTakeFirst();
      return row ? toRep(row) : null;
    },
    async findRepByEmail(email) {
      const row = await reps().where('email', '=', email.toLowerCase()).executeTakeFirst();
      return row ? toRep(row) : null;
    },
    async listReps(siteId) {
      const rows = await reps().where('siteId', '=', siteId).orderBy('name').execute();
      return rows.map(toRep);
    },
    async countSites() {
      const row = await db
        .selectFrom('sites')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async createSite(site) {
      await db.insertInto('sites').values(siteRow(site)).execute();
    },
    async createRep(rep) {
      await db.insertInto('reps').values(repRow(rep)).execute();
    },
    async createSiteWithRep(site, rep) {
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('sites').values(siteRow(site)).execute();
        await trx.insertInto('reps').values(repRow(rep)).execute();
        await trx
          .updateTable('sites')
          .set({ defaultRepId: rep.id })
          .where('id', '=', site.id)
          .execute();
      });
    },
    async setDefaultRep(siteId, repId) {
      await db.updateTable('sites').set({ defaultRepId: repId }).where('id', '=', siteId).execute();
    },
    async setRepActive(repId, active) {
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('reps')
          .set({ active: active ? 1 : 0 })
          .where('id', '=', repId)
          .execute();
        if (!active) await endSessionsOf(trx, repId);
      });
    },
    async findPasswordHash(repId) {
      const row = await db
        .selectFrom('reps')
        .select('passwordHash')
        .where('id', '=', repId)
        .executeTakeFirst();
      return row?.passwordHash ?? null;
    },
    async setPasswordHash(repId, hash) {
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('reps').set({ passwordHash: hash }).where('id', '=', repId).execute();
        await endSessionsOf(trx, repId);
      });
    },
  };
}

const siteRow = (site: NewSite) => ({
  id: site.id,
  key: site.key,
  name: site.name,
  allowedOrigins: JSON.stringify(site.allowedOrigins),
  defaultRepId: null,
  createdAt: new Date().toISOString(),
});

const repRow = (rep: NewRep) => ({
  ...rep,
  email: rep.email.toLowerCase(),
  active: rep.active ? 1 : 0,
  passwordHash: null,
  createdAt: new Date().toISOString(),
});
