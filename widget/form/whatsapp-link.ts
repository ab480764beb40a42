import type { ProductInput } from '../../contract/inquiry';
import type { FormValues } from './build-inquiry';

/** What the WhatsApp message starts with: the inquiry as the visitor has it so far. */
export interface WhatsappInquiry {
  product: ProductInput | null;
  values: Pick<FormValues, 'quantity' | 'unit' | 'message'>;
}

// A prefilled chat opens with a reminder, not the whole inquiry: the rep has that by mail.
const FIRST_LINE_MAX = 200;

/** The few lines the chat opens with: the product, the quantity, the message's first line. */
export function whatsappSummary({ product, values }: WhatsappInquiry): string {
  const quantity = values.quantity.trim();
  const firstLine = values.message.trim().split('\n', 1)[0]?.trim() ?? '';
  return [
    product?.name ?? '',
    quantity && `${quantity} ${values.unit}`,
    firstLine.length > FIRST_LINE_MAX ? `${firstLine.slice(0, FIRST_LINE_MAX - 1)}…` : firstLine,
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * A `https://wa.me/<digits>?text=` link (WhatsApp's click-to-chat wants the number in
 * international form with digits only: no "+", spaces or dashes); null when the rep's number
 * has no digits.
 */
export function whatsappLink(phone: string, inquiry: WhatsappInquiry): string | null {
  const digits = phone.replace(/\D/g, '');
  if (!digits) return null;
  const text = whatsappSummary(inquiry);
  return `https://wa.me/${digits}${text ? `?text=${encodeURIComponent(text)}` : ''}`;
}
