import { sql, type Kysely, type Migration } from 'kysely';
import { engineOf, inOneTransaction } from './engine';

// A site's configuration version: moved on by the database itself whenever the site's row, or a
// row of its reps, teams, team members, rules or webhooks, is written, by whichever process or
// command did it. A process keeps what it read of a site's configuration with the version it
// read it at (storage/site-config.ts), and reads it again once the site's row (read on every
// request anyway) shows another one: an inquiry no longer reads six tables to route itself.
// Round-robin turns (team_turns) and open counts are not configuration, and are read as before.

/** The tables of a site's configuration that name it in `site_id`. */
const OF_SITE = ['reps', 'teams', 'rules', 'webhooks'] as const;
const EVENTS = ['insert', 'update', 'delete'] as const;

async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('sites')
    .addColumn('config_version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  if (engineOf(db) === 'postgres') await postgresTriggers(db);
  else await sqliteTriggers(db);
}

async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  const bump = (where: string) =>
    `update sites set config_version = config_version + 1 where ${where};`;
  for (const table of OF_SITE) {
    for (const event of EVENTS) {
      const row = event === 'delete' ? 'old' : 'new';
      // An update bumps the site a row left too (none moves today, but nothing forbids it).
      const body =
        event === 'update'
          ? bump('id = new.site_id') + bump('id = old.site_id and old.site_id <> new.site_id')
          : bump(`id = ${row}.site_id`);
      await sql
        .raw(`create trigger ${table}_config_${event} after ${event} on ${table} begin ${body} end`)
        .execute(db);
    }
  }
  for (const event of EVENTS) {
    const row = event === 'delete' ? 'old' : 'new';
    await sql
      .raw(
        `create trigger team_members_config_${event} after ${event} on team_members begin
          ${bump(`id = (select site_id from teams where id = ${row}.team_id)`)} end`,
      )
      .execute(db);
  }
  // The site's own row; the bump itself leaves the version changed, so it stops there.
  await sql
    .raw(
      `create trigger sites_config_update after update on sites
        when new.config_version = old.config_version begin ${bump('id = new.id')} end`,
    )
    .execute(db);
}

async function postgresTriggers(db: Kysely<unknown>): Promise<void> {
  // `set search_path from current`: the tables are this schema's whoever writes (psql, or
  // another installation's search_path on the same database), as at migration time.
  await sql`create function site_config_bump() returns trigger language plpgsql
    set search_path from current as $$
    begin
      if tg_table_name = 'team_members' then
        update sites set config_version = config_version + 1 where id in
          (select site_id from teams where id in (new.team_id, old.team_id));
      else
        update sites set config_version = config_version + 1
          where id in (new.site_id, old.site_id);
      end if;
      return null;
    end $$`.execute(db);
  for (const table of [...OF_SITE, 'team_members']) {
    await sql
      .raw(
        `create trigger ${table}_config after insert or update or delete on ${table}
          for each row execute function site_config_bump()`,
      )
      .execute(db);
  }
  // The site's own row: moved on in the same write, once (a bump from the function above too).
  await sql`create function site_config_own() returns trigger language plpgsql
    set search_path from current as $$
    begin
      new.config_version := old.config_version + 1;
      return new;
    end $$`.execute(db);
  await sql`create trigger sites_config before update on sites
    for each row execute function site_config_own()`.execute(db);
}

async function down(db: Kysely<unknown>): Promise<void> {
  if (engineOf(db) === 'postgres') {
    for (const table of [...OF_SITE, 'team_members']) {
      await sql.raw(`drop trigger ${table}_config on ${table}`).execute(db);
    }
    await sql`drop trigger sites_config on sites`.execute(db);
    await sql`drop function site_config_bump()`.execute(db);
    await sql`drop function site_config_own()`.execute(db);
  } else {
    for (const table of [...OF_SITE, 'team_members']) {
      for (const event of EVENTS) {
        await sql.raw(`drop trigger ${table}_config_${event}`).execute(db);
      }
    }
    await sql`drop trigger sites_config_update`.execute(db);
  }
  await db.schema.alterTable('sites').dropColumn('config_version').execute();
}

export const configVersion: Migration = {
  up: (db: Kysely<unknown>) => inOneTransaction(db, up),
  down: (db: Kysely<unknown>) => inOneTransaction(db, down),
};
