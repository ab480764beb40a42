import { sql, type Kysely, type Migration } from 'kysely';

// Routing: rep profiles (languages, countries, hours, away, WhatsApp, cap), teams, ordered
// rules, site settings, and what escalation and reply statistics need on inquiries.
export const routing: Migration = {
  async up(db: Kysely<unknown>) {
    const addTo = (table: string) => db.schema.alterTable(table);
    await addTo('reps')
      .addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
    await addTo('reps')
      .addColumn('countries', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
    await addTo('reps').addColumn('hours', 'text').execute();
    await addTo('reps')
      .addColumn('away', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await addTo('reps').addColumn('whatsapp', 'text').execute();
    await addTo('reps').addColumn('max_open', 'integer').execute();

    await addTo('sites').addColumn('default_team_id', 'text').execute();
    await addTo('sites').addColumn('theme_color', 'text').execute();
    await addTo('sites').addColumn('default_language', 'text').execute();
    await addTo('sites')
      .addColumn('reply_promise_hours', 'integer', (c) => c.notNull().defaultTo(24))
      .execute();
    await addTo('sites')
      .addColumn('escalation_reassign', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();

    await addTo('inquiries').addColumn('first_reply_at', 'text').execute();
    await addTo('inquiries').addColumn('escalated_at', 'text').execute();
    // The escalation scan reads only inquiries still waiting for a first reply.
    await db.schema
      .createIndex('inquiries_unanswered')
      .on('inquiries')
      .columns(['created_at'])
      .where((eb) =>
        eb.and([
          eb(sql.ref('first_reply_at'), 'is', null),
          eb(sql.ref('escalated_at'), 'is', null),
        ]),
      )
      .execute();
    // Returning buyers: the last inquiry of an email on a site.
    await db.schema
      .createIndex('inquiries_site_email')
      .on('inquiries')
      .columns(['site_id', 'visitor_email', 'created_at'])
      .execute();

    await db.schema
      .createTable('teams')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('distribution', 'text', (c) => c.notNull().defaultTo('round-robin'))
      .addColumn('last_assigned_rep_id', 'text')
      .addUniqueConstraint('teams_site_name_unique', ['site_id', 'name'])
      .execute();
    await db.schema
      .createTable('team_members')
      .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
      .addColumn('rep_id', 'text', (c) => c.notNull().references('reps.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('team_members_pk', ['team_id', 'rep_id'])
      .execute();
    await db.schema
      .createTable('rules')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('match', 'text', (c) => c.notNull())
      .addColumn('target_rep_id', 'text', (c) => c.references('reps.id'))
      .addColumn('target_team_id', 'text', (c) => c.references('teams.id'))
      .execute();
  },

  async down(db: Kysely<unknown>) {
    for (const t of ['rules', 'team_members', 'teams']) await db.schema.dropTable(t).execute();
  },
};
