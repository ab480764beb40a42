import { sql, type Kysely } from 'kysely';
import type { Distribution, ProofOfWork, RuleMatch, WeeklyHours } from '../../contract';
import { compiledStatement } from './compiled-statement';
import type { Database } from './database';
import { endSessionsOf } from './auth-queries';
import { parseJson, toInquiry, toSite } from './rows';
import type { RepProfile, Store, TeamTurn } from './store';

type RoutingQueries = Pick<
  Store,
  | 'findRepProfiles'
  | 'updateRepProfile'
  | 'updateRep'
  | 'findSiteSettings'
  | 'updateSite'
  | 'listTeams'
  | 'saveTeam'
  | 'deleteTeam'
  | 'listRules'
  | 'replaceRules'
  | 'openCounts'
  | 'lastRepForEmail'
  | 'unansweredBefore'
  | 'listSites'
  | 'replyTimings'
>;

const OPEN_STATUSES = ['new', 'open', 'waiting'];

// Each inquiry's (compiled-statement.ts): the returning buyer's rep, and a team's turn.
const lastRepOf = compiledStatement((db: Kysely<Database>, v: { siteId: string; email: string }) =>
  db
    .selectFrom('inquiries')
    .select('repId')
    .where('siteId', '=', v.siteId)
    .where('visitorEmail', '=', v.email)
    .where('repId', 'is not', null)
    .orderBy('createdAt', 'desc')
    .limit(1),
);
const turnInserted = compiledStatement((db: Kysely<Database>, v: TeamTurn) =>
  db
    .insertInto('teamTurns')
    .values(v)
    .onConflict((oc) => oc.columns(['teamId', 'turn']).doNothing()),
);

/**
 * Stores a team's round-robin turn unless its number is stored already, or its team was deleted
 * since the routing read it; whether it was (if not, the caller routes again). A number is given
 * once: on PostgreSQL, a process inserting the same one at the same moment waits for the
 * other's transaction, then finds it taken.
 */
export async function insertTurn(db: Kysely<Database>, turn: TeamTurn): Promise<boolean> {
  try {
    const { numAffectedRows } = await turnInserted(db, turn);
    return (numAffectedRows ?? 0n) !== 0n;
  } catch (err) {
    // The turn's team is gone (team_turns.team_id references teams): not an inquiry lost.
    if (isForeignKeyViolation(err)) return false;
    throw err;
  }
}

/** A foreign key's refusal: SQLite's, or PostgreSQL's SQLSTATE 23503. */
function isForeignKeyViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503';
}

/** Rep profiles, site settings, teams and rules; the counts and history routing reads. */
export function routingQueries(db: Kysely<Database>): RoutingQueries {
  return {
    async findRepProfiles(siteId) {
      const rows = await db
        .selectFrom('reps')
        .select(['id', 'languages', 'countries', 'hours', 'away', 'whatsapp', 'maxOpen'])
        .where('siteId', '=', siteId)
        .execute();
      return new Map(
        rows.map((r): [string, RepProfile] => [
          r.id,
          {
            languages: parseJson<string[]>(r.languages),
            countries: parseJson<string[]>(r.countries),
            hours: r.hours ? parseJson<WeeklyHours>(r.hours) : null,
            away: r.away === 1,
            whatsapp: r.whatsapp,
            maxOpen: r.maxOpen,
          },
        ]),
      );
    },

    async updateRepProfile(repId, p) {
      await db
        .updateTable('reps')
        .set({
          ...(p.languages !== undefined && { languages: JSON.stringify(p.languages) }),
          ...(p.countries !== undefined && { countries: JSON.stringify(p.countries) }),
          ...(p.hours !== undefined && { hours: p.hours && JSON.stringify(p.hours) }),
          ...(p.away !== undefined && { away: p.away ? 1 : 0 }),
          ...(p.whatsapp !== undefined && { whatsapp: p.whatsapp }),
          ...(p.maxOpen !== undefined && { maxOpen: p.maxOpen }),
        })
        .where('id', '=', repId)
        .execute();
    },

    async updateRep(repId, p) {
      if (Object.keys(p).length === 0) return;
      const { active, ...rest } = p;
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('reps')
          .set({ ...rest, ...(active !== undefined && { active: active ? 1 : 0 }) })
          .where('id', '=', repId)
          .execute();
        if (active === false) await endSessionsOf(trx, repId);
      });
    },

    async findSiteSettings(siteId) {
      const row = await db
        .selectFrom('sites')
        .selectAll()
        .where('id', '=', siteId)
        .executeTakeFirst();
      if (!row) return null;
      return {
        defaultRepId: row.defaultRepId,
        defaultTeamId: row.defaultTeamId,
        themeColor: row.themeColor,
        defaultLanguage: row.defaultLanguage,
        replyPromiseHours: row.replyPromiseHours,
        escalationReassign: row.escalationReassign === 1,
        retentionDays: row.retentionDays,
        proofOfWork: row.proofOfWork as ProofOfWork,
      };
    },

    async updateSite(siteId, p) {
      const { allowedOrigins, escalationReassign, ...rest } = p;
      const set = {
        ...rest,
        ...(allowedOrigins !== undefined && { allowedOrigins: JSON.stringify(allowedOrigins) }),
        ...(escalationReassign !== undefined && { escalationReassign: escalationReassign ? 1 : 0 }),
      };
      if (Object.keys(set).length === 0) return;
      await db.updateTable('sites').set(set).where('id', '=', siteId).execute();
    },

    async listTeams(siteId) {
      const teams = await db
        .selectFrom('teams')
        .selectAll()
        // Each with its last turn: the newest of its numbered turns (migration 0011).
        .select(({ selectFrom }) => {
          const lastTurn = selectFrom('teamTurns')
            .whereRef('teamTurns.teamId', '=', 'teams.id')
            .orderBy('teamTurns.turn', 'desc')
            .limit(1);
          return [
            lastTurn.select('teamTurns.turn').as('turns'),
            lastTurn.select('teamTurns.repId').as('lastAssignedRepId'),
          ];
        })
        .where('siteId', '=', siteId)
        .orderBy('name')
        .execute();
      if (teams.length === 0) return [];
      const members = await db
        .selectFrom('teamMembers')
        .selectAll()
        .where(
          'teamId',
          'in',
          teams.map((t) => t.id),
        )
        .orderBy('position')
        .execute();
      return teams.map((t) => ({
        id: t.id,
        siteId: t.siteId,
        name: t.name,
        distribution: t.distribution as Distribution,
        memberIds: members.filter((m) => m.teamId === t.id).map((m) => m.repId),
        lastAssignedRepId: t.lastAssignedRepId,
        turns: Number(t.turns ?? 0),
      }));
    },

    async saveTeam(team) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('teams')
          .values({
            id: team.id,
            siteId: team.siteId,
            name: team.name,
            distribution: team.distribution,
          })
          .onConflict((oc) =>
            oc.column('id').doUpdateSet({ name: team.name, distribution: team.distribution }),
          )
          .execute();
        await trx.deleteFrom('teamMembers').where('teamId', '=', team.id).execute();
        if (team.memberIds.length > 0) {
          await trx
            .insertInto('teamMembers')
            .values(team.memberIds.map((repId, position) => ({ teamId: team.id, repId, position })))
            .execute();
        }
      });
    },

    async deleteTeam(teamId) {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('teamMembers').where('teamId', '=', teamId).execute();
        await trx
          .updateTable('sites')
          .set({ defaultTeamId: null })
          .where('defaultTeamId', '=', teamId)
          .execute();
        await trx.deleteFrom('rules').where('targetTeamId', '=', teamId).execute();
        await trx.deleteFrom('teams').where('id', '=', teamId).execute();
      });
    },

    async listRules(siteId) {
      const rows = await db
        .selectFrom('rules')
        .selectAll()
        .where('siteId', '=', siteId)
        .orderBy('position')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        siteId: r.siteId,
        name: r.name,
        match: parseJson<RuleMatch>(r.match),
        target: r.targetTeamId ? { teamId: r.targetTeamId } : { repId: r.targetRepId ?? '' },
      }));
    },

    async replaceRules(siteId, rules) {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('rules').where('siteId', '=', siteId).execute();
        if (rules.length === 0) return;
        await trx
          .insertInto('rules')
          .values(
            rules.map((r, position) => ({
              id: r.id,
              siteId,
              position,
              name: r.name,
              match: JSON.stringify(r.match),
              targetRepId: 'repId' in r.target ? r.target.repId : null,
              targetTeamId: 'teamId' in r.target ? r.target.teamId : null,
            })),
          )
          .execute();
      });
    },

    async openCounts(siteId) {
      const rows = await db
        .selectFrom('inquiries')
        .select((eb) => ['repId', eb.fn.countAll<number>().as('n')])
        .where('siteId', '=', siteId)
        .where('status', 'in', OPEN_STATUSES)
        .where('repId', 'is not', null)
        .groupBy('repId')
        .execute();
      return new Map(rows.flatMap((r) => (r.repId ? [[r.repId, Number(r.n)] as const] : [])));
    },

    async lastRepForEmail(siteId, email) {
      const { rows } = await lastRepOf(db, { siteId, email });
      return rows[0]?.repId ?? null;
    },

    async unansweredBefore(siteId, cutoff, limit) {
      const rows = await db
        .selectFrom('inquiries')
        .selectAll()
        .where('siteId', '=', siteId)
        .where('firstReplyAt', 'is', null)
        .where('escalatedAt', 'is', null)
        // From when its rep got it (migration 0020; the index is on the same expression).
        .where(sql`coalesce(handed_at, created_at)`, '<=', cutoff)
        .where('status', 'in', ['new', 'open'])
        .orderBy(sql`coalesce(handed_at, created_at)`)
        .limit(limit)
        .execute();
      return rows.map(toInquiry);
    },

    async listSites() {
      const rows = await db.selectFrom('sites').selectAll().orderBy('key').execute();
      return rows.map(toSite);
    },

    async replyTimings(siteId, since) {
      // A first reply of an earlier release (migration 0021) names no author: its rep now, from
      // its arrival, as then.
      const rows = await db
        .selectFrom('inquiries')
        .select([
          sql<string | null>`case when first_reply_at is null then rep_id
            else coalesce(first_reply_rep_id, rep_id) end`.as('repId'),
          sql<string>`case when first_reply_at is null then coalesce(handed_at, created_at)
            else coalesce(first_reply_from, created_at) end`.as('createdAt'),
          'firstReplyAt',
        ])
        .where('siteId', '=', siteId)
        .where('createdAt', '>=', since)
        .where((eb) => eb.or([eb('repId', 'is not', null), eb('firstReplyRepId', 'is not', null)]))
        .where('status', '!=', 'spam')
        .execute();
      return rows.flatMap((r) =>
        r.repId ? [{ repId: r.repId, createdAt: r.createdAt, firstReplyAt: r.firstReplyAt }] : [],
      );
    },
  };
}
