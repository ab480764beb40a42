import type { InquiryInput, ProductInput } from '../../contract/inquiry';
import {
  EMAIL_PATTERN,
  FIELD_MAX,
  MESSAGE_MAX,
  MESSAGE_MIN,
  QUANTITY_MAX,
} from '../../contract/limits';
import type { IssueLike } from './form-errors';

const tooLong = (path: PropertyKey[], value: string | undefined, max: number): IssueLike[] =>
  value !== undefined && value.length > max ? [{ path, code: 'too_big', maximum: max }] : [];

const isWebUrl = (value: string | undefined): boolean =>
  value === undefined || (/^https?:\/\//i.test(value) && value.length <= 2000);

function checkQuantity(path: PropertyKey[], quantity: number | undefined): IssueLike[] {
  if (quantity === undefined) return [];
  // Typed, but not a number (quantity.ts): "200 pcs".
  if (Number.isNaN(quantity)) return [{ path, code: 'invalid_format' }];
  // Too large first: 400 nines read as Infinity.
  if (quantity > QUANTITY_MAX) return [{ path, code: 'too_big' }];
  return quantity > 0 ? [] : [{ path, code: 'too_small' }];
}

function checkProduct(path: PropertyKey[], product: ProductInput | undefined): IssueLike[] {
  if (!product) return [];
  const ok =
    product.name.length > 0 &&
    product.name.length <= 300 &&
    (product.sku ?? '').length <= 100 &&
    isWebUrl(product.url) &&
    isWebUrl(product.image);
  return ok ? [] : [{ path, code: 'invalid' }];
}

/**
 * The form's own check of an inquiry body (built by build-inquiry.ts, so trimmed), against the
 * contract's limits: the visitor hears of a mistake at once, in their language. The server's
 * zod schema stays the authority; what it refuses comes back as field errors all the same.
 */
export function checkInquiry(input: InquiryInput): IssueLike[] {
  const issues: IssueLike[] = [];
  for (const field of ['name', 'company', 'country', 'phone'] as const) {
    issues.push(...tooLong([field], input[field], FIELD_MAX[field]));
  }
  if (input.email.length > FIELD_MAX.email || !EMAIL_PATTERN.test(input.email)) {
    issues.push({ path: ['email'], code: 'invalid_format' });
  }
  const length = input.message.length;
  if (length < MESSAGE_MIN) issues.push({ path: ['message'], code: 'too_small' });
  if (length > MESSAGE_MAX) issues.push({ path: ['message'], code: 'too_big' });
  issues.push(...checkQuantity(['quantity'], input.quantity));
  issues.push(...checkProduct(['product'], input.product));
  input.products?.forEach((line, index) => {
    issues.push(...checkProduct(['products', index], line));
    issues.push(...checkQuantity(['products', index, 'quantity'], line.quantity));
  });
  return issues;
}

/** A follow-up's text, trimmed; its issue code when it is empty or too long. */
export function checkReply(draft: string): { body: string; issue?: 'too_small' | 'too_big' } {
  const body = draft.trim();
  if (body.length === 0) return { body, issue: 'too_small' };
  return body.length > MESSAGE_MAX ? { body, issue: 'too_big' } : { body };
}
