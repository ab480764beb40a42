import { UNITS } from '../../contract/limits';
import type { FormValues } from './build-inquiry';

/** The fields `liaison('prefill', ...)` may fill: all of the form's own. */
export const PREFILL_FIELDS = [
  'name',
  'email',
  'company',
  'country',
  'phone',
  'message',
  'quantity',
  'unit',
] as const satisfies readonly (keyof FormValues)[];

/** What a page's prefill call gave that the form can take, and what it could not. */
export interface Prefill {
  values: Partial<FormValues>;
  /** Keys left out (unknown, not a string, or a unit the form does not offer), for a warning. */
  ignored: string[];
}

const isField = (key: string): key is keyof FormValues =>
  PREFILL_FIELDS.some((field) => field === key);

/**
 * Reads the options of `liaison('prefill', options)`, whatever the page passed: only the form's
 * fields, only strings (the page may hand over anything, and a number would be `0` where the
 * visitor expects an empty field).
 */
export function readPrefill(options: unknown): Prefill {
  const result: Prefill = { values: {}, ignored: [] };
  if (typeof options !== 'object' || options === null) return result;
  for (const [key, value] of Object.entries(options)) {
    const usable =
      isField(key) &&
      typeof value === 'string' &&
      (key !== 'unit' || UNITS.some((unit) => unit === value));
    if (usable) result.values[key] = value;
    else result.ignored.push(key);
  }
  return result;
}

/**
 * The form's values with a prefill applied to every field the visitor has not `edited`: what
 * they typed (or chose, or an inquiry of theirs kept on this device) always wins over the page.
 */
export function applyPrefill(
  values: FormValues,
  prefill: Partial<FormValues>,
  edited: ReadonlySet<keyof FormValues>,
): FormValues {
  const next = { ...values };
  for (const field of PREFILL_FIELDS) {
    const value = prefill[field];
    if (value !== undefined && !edited.has(field)) next[field] = value;
  }
  return next;
}
