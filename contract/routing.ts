import * as z from 'zod/mini';

// Routing: who gets an inquiry. Shared by the admin API, the configuration file
// (liaison.config.json) and the widget's card.

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** "HH:MM", 00:00-24:00. */
const Clock = z.string().check(z.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/));

/** One working period of a day, in the rep's local time; `to` after `from` ("24:00" ends the day). */
export const Period = z
  .tuple([Clock, Clock])
  .check(
    z.refine(
      ([from, to]) => to > from,
      'A period must end after it starts (split overnight shifts at 24:00).',
    ),
  );

/**
 * A rep's weekly working hours in their own IANA timezone: periods per weekday; a day that is
 * missing or empty is off. Evaluated with Intl, so daylight-saving changes are followed.
 */
export const WeeklyHours = z.strictObject({
  timezone: z.string().check(z.minLength(1), z.maxLength(64)),
  days: z.partialRecord(z.enum(WEEKDAYS), z.array(Period).check(z.maxLength(4))),
});
export type WeeklyHours = z.infer<typeof WeeklyHours>;

/**
 * A list of countries (a rule's or a rep's) may not say `NA`: it named North America until
 * migration 0016 rewrote it so, and is Namibia's ISO code, so a list written for either meaning
 * is refused rather than read in the other (server/domain/countries.ts).
 */
export const notNA = z.refine<string[]>(
  (list) => !list.some((entry) => entry.trim().toUpperCase() === 'NA'),
  'NA is ambiguous: write "Namibia" or "North America".',
);

/** What a rule looks at; every condition given must hold (an empty rule matches everything). */
export const RuleMatch = z.strictObject({
  /** Page URL glob: `*` is any run of characters, e.g. "https://example.com/valves/*". */
  pageUrl: z.optional(z.string().check(z.minLength(1), z.maxLength(500))),
  /** Product SKU glob, e.g. "BV-*". */
  sku: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  /** Product category, as the embed's data-product-category says it. */
  category: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  /** ISO 3166 alpha-2 codes or country names, or region names ("EU", "LATAM", "North America"...); never "NA" (`notNA`). */
  countries: z.optional(
    z.array(z.string().check(z.minLength(2), z.maxLength(60))).check(z.maxLength(300), notNA),
  ),
  /** Language tags; "es" matches "es-MX". */
  languages: z.optional(
    z.array(z.string().check(z.minLength(2), z.maxLength(35))).check(z.maxLength(50)),
  ),
});
export type RuleMatch = z.infer<typeof RuleMatch>;

/** Where a rule sends an inquiry: one rep (by email) or a team (by name). */
export const RuleTarget = z.union([
  z.strictObject({ rep: z.string().check(z.minLength(1), z.maxLength(254)) }),
  z.strictObject({ team: z.string().check(z.minLength(1), z.maxLength(100)) }),
]);
export type RuleTarget = z.infer<typeof RuleTarget>;

export const DISTRIBUTIONS = ['round-robin', 'least-open'] as const;
export type Distribution = (typeof DISTRIBUTIONS)[number];
