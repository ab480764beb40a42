import { sql, type Kysely } from 'kysely';
import type { TellingMigration } from '../migrate';
import { engineOf } from './engine';

// PostgreSQL: each inquiry's text index row keeps a copy of the inquiry's place in the inbox
// list (its site, rep and status, whether it awaits a reply, its last activity), so that a
// search whose matches lie far down the list reads them from the text index and sorts them
// there (postgres.ts, `sorted`). Before, such a search walked the list to them row by row
// ("buyer1" at a million inquiries: 111,111 matches, the first 400,000 rows down, 1.0 s), or
// read each match's inquiry by primary key to sort it (17,000 for "pumpen seawater", 0.33 s).
// Triggers keep the copy whoever writes, in the writer's transaction: a new row takes it from
// its inquiry, and a change of the inquiry's list columns is written to its row. `set
// search_path from current`, as 0023's and 0024's: this schema's tables, whoever writes.
// SQLite: nothing (its text index is kept in list order, 0014).

/** The inquiry columns copied, all of which the list filters or sorts by. */
const PLACE = ['site_id', 'rep_id', 'status', 'awaiting_reply', 'last_activity_at'] as const;
const BATCH = 20_000;

export const searchListPlace: TellingMigration = {
  async up(db: Kysely<unknown>, tell = () => {}) {
    if (engineOf(db) !== 'postgres') return;
    await sql`alter table inquiry_search add column site_id text, add column rep_id text,
      add column status text, add column awaiting_reply integer,
      add column last_activity_at text`.execute(db);
    // The triggers first: creating the one on inquiries holds off every other writer of them
    // until this commits, so that none changes an inquiry the fill below has copied already.
    await sql`create function inquiry_search_place_new() returns trigger language plpgsql
      set search_path from current as $$
      declare
        i record;
      begin
        select ${sql.raw(PLACE.join(', '))} into i from inquiries where id = new.inquiry_id;
        ${sql.raw(PLACE.map((c) => `new.${c} := i.${c};`).join(' '))}
        return new;
      end $$`.execute(db);
    await sql`create trigger inquiry_search_place_new before insert on inquiry_search
      for each row execute function inquiry_search_place_new()`.execute(db);
    // At the commit, from the inquiry as it is then, and only if the row differs: a message
    // moves its inquiry and adds to its document in one transaction, and the store writes both
    // in one row version (search-index.ts indexMessage), which a second one would double (a
    // new version of a row whose document changed is a new entry per word in the GIN index).
    await sql`create function inquiry_search_place_moved() returns trigger language plpgsql
      set search_path from current as $$
      begin
        update inquiry_search s set ${copied('i')} from inquiries i
          where s.inquiry_id = new.id and i.id = new.id
            and (${sql.raw(PLACE.map((c) => `s.${c}`).join(', '))})
              is distinct from (${sql.raw(PLACE.map((c) => `i.${c}`).join(', '))});
        return null;
      end $$`.execute(db);
    await sql`create constraint trigger inquiry_search_place_moved
      after update of ${sql.raw(PLACE.join(', '))} on inquiries
      deferrable initially deferred for each row
      when (${sql.raw(PLACE.map((c) => `old.${c} is distinct from new.${c}`).join(' or '))})
      execute function inquiry_search_place_moved()`.execute(db);
    // Every row is written again: the GIN index is built afresh after, faster than kept row by
    // row (as 0013). The word list's trigger fires on a change of the document only.
    await sql`drop index inquiry_search_document`.execute(db);
    let after = '';
    let done = 0;
    let next = Date.now() + 10_000;
    for (;;) {
      const { rows } = await sql<{ last: string | null; n: string }>`with batch as
          (select inquiry_id from inquiry_search where inquiry_id > ${after}
            order by inquiry_id limit ${BATCH}),
        moved as (update inquiry_search s set ${copied('i')}
          from batch b join inquiries i on i.id = b.inquiry_id
          where s.inquiry_id = b.inquiry_id returning 1)
        select (select max(inquiry_id) from batch) as last, (select count(*) from moved) as n`.execute(
        db,
      );
      const last = rows[0]?.last;
      if (!last) break;
      after = last;
      done += Number(rows[0]?.n ?? 0);
      if (Date.now() >= next) {
        next = Date.now() + 10_000;
        tell(`${done} inquiries placed in the text index`);
      }
    }
    tell(`building the text index again (${done} inquiries)`);
    await sql`create index inquiry_search_document on inquiry_search using gin (document)`.execute(
      db,
    );
    // A rep's own list: the planner ands the rep's rows with the text index's matches, and
    // reads only those ("buyer1" for a rep holding 0.5% of a million: 97 ms -> 4 ms).
    await sql`create index inquiry_search_rep on inquiry_search (rep_id)`.execute(db);
    await sql`analyze inquiry_search`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    if (engineOf(db) !== 'postgres') return;
    await sql`drop trigger inquiry_search_place_moved on inquiries`.execute(db);
    await sql`drop trigger inquiry_search_place_new on inquiry_search`.execute(db);
    await sql`drop function inquiry_search_place_moved, inquiry_search_place_new`.execute(db);
    await sql`alter table inquiry_search ${sql.raw(
      PLACE.map((c) => `drop column ${c}`).join(', '),
    )}`.execute(db);
  },
};

/** `site_id = <from>.site_id, ...`: the list columns set from the inquiry row `from`. */
const copied = (from: string) => sql.raw(PLACE.map((c) => `${c} = ${from}.${c}`).join(', '));
