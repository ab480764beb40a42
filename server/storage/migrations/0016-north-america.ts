import { sql, type Kysely, type Migration } from 'kysely';

// Country lists (a rep's `countries`, a rule's `match.countries`) named North America `NA`,
// which is Namibia's ISO code, so no list could name Namibia by its code. The region is now
// "North America" (server/domain/countries.ts) and a list may not say `NA` (contract/routing.ts
// `notNA`). This rewrites the stored `NA` entries as "North America", so every stored list
// routes as it did; down writes them back. Each row is rewritten on its own: a run stopped
// halfway (Kysely runs SQLite's migrations without a transaction) is finished by the next.

type Rewrite = (entries: unknown[]) => unknown[];

const renamed =
  (from: (entry: string) => boolean, to: string): Rewrite =>
  (entries) =>
    entries.map((entry) => (typeof entry === 'string' && from(entry) ? to : entry));

const isNA = (entry: string) => entry.trim().toUpperCase() === 'NA';
// Any spelling the region matches by (server/domain/countries.ts): "north america",
// NORTH_AMERICA, "North-America" were written since, and mean it to an older release only as NA.
const isNorthAmerica = (entry: string) =>
  entry
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[\s,()_.'’-]+/g, ' ')
    .trim() === 'NORTH AMERICA';

/** Rewrites the lists of both tables; only rows whose JSON holds a changed entry are written. */
async function rewriteLists(db: Kysely<unknown>, rewrite: Rewrite): Promise<void> {
  const changed = (entries: unknown[]) => {
    const next = rewrite(entries);
    return next.some((entry, i) => entry !== entries[i]) ? next : null;
  };
  const { rows: reps } = await sql<{ id: string; countries: string }>`
    select id, countries from reps`.execute(db);
  for (const rep of reps) {
    const list: unknown = JSON.parse(rep.countries);
    const next = Array.isArray(list) ? changed(list) : null;
    if (next) {
      await sql`update reps set countries = ${JSON.stringify(next)} where id = ${rep.id}`.execute(
        db,
      );
    }
  }
  const { rows: rules } = await sql<{ id: string; match: string }>`
    select id, match from rules`.execute(db);
  for (const rule of rules) {
    const match: unknown = JSON.parse(rule.match);
    if (typeof match !== 'object' || match === null) continue;
    const { countries } = match as { countries?: unknown };
    const next = Array.isArray(countries) ? changed(countries) : null;
    if (next) {
      await sql`update rules set match = ${JSON.stringify({ ...match, countries: next })}
        where id = ${rule.id}`.execute(db);
    }
  }
}

export const northAmerica: Migration = {
  async up(db: Kysely<unknown>) {
    await rewriteLists(db, renamed(isNA, 'North America'));
  },
  async down(db: Kysely<unknown>) {
    await rewriteLists(db, renamed(isNorthAmerica, 'NA'));
  },
};
