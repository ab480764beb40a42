import type { Line } from './basket';
import type { FormValues } from './build-inquiry';

/** What the WhatsApp message starts with: the inquiry as the visitor has it so far. */
export interface WhatsappInquiry {
  lines: readonly Line[];
  values: Pick<FormValues, 'quantity' | 'unit' | 'message'>;
}

const amount = ({ quantity, unit }: { quantity: string; unit: string }) =>
  quantity.trim() && `${quantity.trim()} ${unit}`;

// A prefilled chat opens with a reminder, not the whole inquiry: the rep has that by mail.
const FIRST_LINE_MAX = 200;

/** The few lines the chat opens with: the products and quantities, the message's first line. */
export function whatsappSummary({ lines, values }: WhatsappInquiry): string {
  const firstLine = values.message.trim().split('\n', 1)[0]?.trim() ?? '';
  const products = lines.map((line) =>
    [line.product.name, amount(line)].filter(Boolean).join(': '),
  );
  return [
    ...(lines.length > 0 ? products : [amount(values)]),
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
