// Answers are read as `unknown` and checked: a proxy or an older server may send anything.

/** A plain object whose properties can be read. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The string, or null when it is anything else. */
export const stringOrNull = (value: unknown): string | null =>
  typeof value === 'string' ? value : null;

/** The finite number, or null when it is anything else. */
export const numberOrNull = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/** The value when it is one of `options`, else null. */
export const oneOf = <T extends string>(options: readonly T[], value: unknown): T | null =>
  options.find((option) => option === value) ?? null;

/** Reads each element with `read`, dropping those it cannot read; null when not an array. */
export const listOf = <T>(value: unknown, read: (item: unknown) => T | null): T[] | null =>
  Array.isArray(value) ? value.map(read).filter((item): item is T => item !== null) : null;
