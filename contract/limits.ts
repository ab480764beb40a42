/**
 * The inquiry's limits as plain values: the contract's zod schemas (inquiry.ts) are built from
 * them, and the widget checks a form against them without loading zod (its 18 KB budget).
 */

/** Units a buyer can order in; kept short so the widget's select stays readable. */
export const UNITS = [
  'pieces',
  'sets',
  'pairs',
  'meters',
  'square meters',
  'kg',
  'tons',
  'liters',
  'cartons',
  'boxes',
  'bags',
  'rolls',
  'containers',
] as const;

export type Unit = (typeof UNITS)[number];

export const MESSAGE_MIN = 20;
export const MESSAGE_MAX = 8000;
/** The largest quantity an inquiry (or one line of its basket) may ask for. */
export const QUANTITY_MAX = 1_000_000_000;
/** How many rules a site may have, and members a team (the admin API, the config file). */
export const RULES_MAX = 200;
export const TEAM_MEMBERS_MAX = 200;
/** How many products one inquiry's basket may hold. */
export const BASKET_MAX = 20;
/**
 * The largest body of a site's rule list (`PUT /api/inbox/admin/rules`), and of the list as the
 * API gives it back with ids: a list it takes can always be sent back.
 */
export const RULES_MAX_BYTES = 1024 * 1024;

/** The longest text each of the visitor's fields takes (characters, after trimming). */
export const FIELD_MAX = {
  name: 200,
  email: 254,
  company: 200,
  country: 100,
  phone: 50,
} as const;

/**
 * An email address the inquiry accepts: zod's own default pattern (zod/v4/core regexes.email),
 * written here so the widget checks the same thing without loading zod.
 */
export const EMAIL_PATTERN =
  /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;

/** How many files one inquiry may carry, and how large each may be. */
export const ATTACHMENTS_MAX = 3;
export const ATTACHMENT_BYTES_MAX = 5 * 1024 * 1024;
/**
 * What the file picker offers: images, PDF, Word and Excel. The server reads each file's bytes
 * to know what it is (server/domain/file-type.ts); a name or a browser's type counts for nothing.
 */
export const ATTACHMENT_ACCEPT =
  'image/png,image/jpeg,image/gif,image/webp,.pdf,.doc,.docx,.xls,.xlsx,application/pdf';
