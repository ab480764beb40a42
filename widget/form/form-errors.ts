import { MESSAGE_MAX, MESSAGE_MIN } from '../../contract/limits';
import { fill } from '../i18n/locale';
import type { FormTexts } from './i18n/en';

/** The form's own fields in screen order; the products' lines come after `phone`. */
export const FIELD_ORDER = [
  'name',
  'email',
  'company',
  'country',
  'phone',
  'quantity',
  'unit',
  'message',
  'attachments',
] as const;

/** A field of the form that can show an error, or one product line (`line0`, `line1`...). */
export type FieldName = (typeof FIELD_ORDER)[number] | `line${number}`;
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

/** Maps a contract path ("products.1.quantity", ["email"]) to the place its error is shown. */
export function targetOf(path: readonly PropertyKey[]): ErrorTarget {
  const [head, index] = path;
  if (head === 'products' && /^\d+$/.test(String(index))) return `line${Number(index)}`;
  return FIELD_ORDER.find((field) => field === head) ?? 'form';
}

/** A quantity's message, the form's own or a basket line's. */
const quantityMessage = ({ code }: IssueLike, t: FormTexts): string =>
  t[
    code === 'too_big'
      ? 'invalid.quantityLarge'
      : code === 'invalid_format'
        ? 'invalid.quantityFormat'
        : 'invalid.quantity'
  ];

function messageFor(target: ErrorTarget, issue: IssueLike, t: FormTexts): string {
  const tooBig = issue.code === 'too_big';
  if (target.startsWith('line')) {
    // A line's quantity the visitor can fix; anything else came from the page's product.
    return issue.path[2] === 'quantity' ? quantityMessage(issue, t) : t['invalid.product'];
  }
  switch (target) {
    case 'email':
      return t['invalid.email'];
    case 'message':
      return tooBig
        ? fill(t['invalid.messageLong'], { max: MESSAGE_MAX })
        : fill(t['invalid.messageShort'], { min: MESSAGE_MIN });
    case 'quantity':
      return quantityMessage(issue, t);
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

const invalidFields = (errors: FieldErrors): FieldName[] =>
  (Object.keys(errors) as ErrorTarget[]).filter(
    (target): target is FieldName => target !== 'form' && errors[target] !== undefined,
  );

// Screen position: the contact fields, then the product lines in order, then the rest.
const position = (field: FieldName): number => {
  const own = FIELD_ORDER.indexOf(field as (typeof FIELD_ORDER)[number]);
  if (own >= 0) return own < 5 ? own : own + 1000;
  return 5 + Number(field.slice(4));
};

/** The first field, in screen order, that has an error. */
export function firstInvalid(errors: FieldErrors): FieldName | undefined {
  return invalidFields(errors).sort((a, b) => position(a) - position(b))[0];
}

/** How many fields (not counting form-level errors) need correcting. */
export function invalidCount(errors: FieldErrors): number {
  return invalidFields(errors).length;
}

/** The control that takes focus for a field's error (a line's quantity for the line). */
export const controlOf = (field: FieldName): string =>
  field.startsWith('line') ? `#f-${field}-quantity` : `#f-${field}`;
