import { MESSAGE_MAX, MESSAGE_MIN } from '../../contract/limits';
import { fill } from '../i18n/locale';
import type { FormTexts } from './i18n/en';

/** The form's fields in screen order: focus goes to the first one with an error. */
export const FIELD_ORDER = [
  'name',
  'email',
  'company',
  'country',
  'phone',
  'product',
  'quantity',
  'unit',
  'message',
] as const;

/** A field of the form that can show an error. */
export type FieldName = (typeof FIELD_ORDER)[number];
/** Where an error is shown: beside a field, or (`form`) above the send button. */
export type ErrorTarget = FieldName | 'form';
/** The error text shown at each place, if any. */
export type FieldErrors = Partial<Record<ErrorTarget, string>>;

/** A problem check-inquiry.ts found, shaped like a zod issue (code `too_big` etc.). */
export interface IssueLike {
  path: readonly PropertyKey[];
  code: string;
  maximum?: unknown;
}

/** Maps a contract path ("product.url", ["email"]) to the place its error is shown. */
export function targetOf(path: readonly PropertyKey[]): ErrorTarget {
  const head = path[0];
  return FIELD_ORDER.find((field) => field === head) ?? 'form';
}

function messageFor(target: ErrorTarget, issue: IssueLike, t: FormTexts): string {
  const tooBig = issue.code === 'too_big';
  switch (target) {
    case 'email':
      return t['invalid.email'];
    case 'message':
      return tooBig
        ? fill(t['invalid.messageLong'], { max: MESSAGE_MAX })
        : fill(t['invalid.messageShort'], { min: MESSAGE_MIN });
    case 'quantity':
      return t[tooBig ? 'invalid.quantityLarge' : 'invalid.quantity'];
    case 'product':
      return t['invalid.product'];
    // Not a field the visitor can fix (page context, rep): say so in general terms.
    case 'form':
      return t['error.VALIDATION_FAILED'];
    default:
      return tooBig && typeof issue.maximum === 'number'
        ? fill(t['invalid.tooLong'], { max: issue.maximum })
        : t['invalid.other'];
  }
}

/** Turns the contract's validation issues into the widget's own texts, one per field. */
export function issuesToErrors(issues: readonly IssueLike[], t: FormTexts): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const target = targetOf(issue.path);
    errors[target] ??= messageFor(target, issue, t);
  }
  return errors;
}

/** Places the server's `fields` errors ("product.url": "...") on the form's fields. */
export function serverErrors(fields: Record<string, string>): FieldErrors {
  const errors: FieldErrors = {};
  for (const [path, message] of Object.entries(fields)) {
    errors[targetOf(path.split('.'))] ??= message;
  }
  return errors;
}

/** The first field, in screen order, that has an error. */
export function firstInvalid(errors: FieldErrors): FieldName | undefined {
  return FIELD_ORDER.find((field) => errors[field] !== undefined);
}

/** How many fields (not counting form-level errors) need correcting. */
export function invalidCount(errors: FieldErrors): number {
  return FIELD_ORDER.filter((field) => errors[field] !== undefined).length;
}
