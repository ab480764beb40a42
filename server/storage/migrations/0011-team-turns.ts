import { sql, type Kysely, type Migration } from 'kysely';

// A team's round-robin turns, numbered: one row per turn given, so that a number is given
// once across every server process (the second insert of one finds it taken and routes
// again, domain/inquiries.ts). Replaces the team's last-assigned column, whose member becomes
// turn 0; old turns are pruned with the other expired rows (privacy.ts).
export const teamTurns: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('team_turns')
      .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
      .addColumn('turn', 'integer', (c) => c.notNull())
      .addColumn('rep_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('team_turns_pkey', ['team_id', 'turn'])
      .execute();
    await sql`insert into team_turns (team_id, turn, rep_id)
      select id, 0, last_assigned_rep_id from teams
      where last_assigned_rep_id is not null`.execute(db);
    await db.schema.alterTable('teams').dropColumn('last_assigned_rep_id').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('teams').addColumn('last_assigned_rep_id', 'text').execute();
    await sql`update teams set last_assigned_rep_id = (select t.rep_id from team_turns t
      where t.team_id = teams.id order by t.turn desc limit 1)`.execute(db);
    await db.schema.dropTable('team_turns').execute();
  },
};
