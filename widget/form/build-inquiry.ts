import type { InquiryInput, PageContext } from '../../contract/inquiry';
import { basketLines, type Line } from './basket';
import { UNITS } from '../../contract/limits';
import { quantityText, readQuantity } from './quantity';

/** The form's raw input values, exactly as typed. */
export interface FormValues {
  name: string;
  email: string;
  company: string;
  country: string;
  phone: string;
  quantity: string;
  unit: string;
  message: string;
}

const optional = (value: string): string | undefined => value.trim() || undefined;

/**
 * Builds the request body: strings trimmed, empty optional fields left out (undefined keys are
 * dropped by JSON.stringify), quantities as numbers (quantity.ts) and a unit only with a quantity. With
 * products, each line carries its own quantity; without, the form's quantity is the inquiry's.
 * `consent` is the text the form shows (consent.ts), recorded with the inquiry as shown.
 */
export function buildInquiry({
  values,
  lines = [],
  rep,
  page,
  consent = '',
}: {
  values: FormValues;
  lines?: Line[];
  rep?: string;
  page?: PageContext;
  consent?: string;
}): InquiryInput {
  const quantity = lines.length > 0 ? undefined : readQuantity(values.quantity);
  return {
    name: optional(values.name),
    email: values.email.trim(),
    company: optional(values.company),
    country: optional(values.country),
    phone: optional(values.phone),
    message: values.message.trim(),
    quantity,
    unit: quantity === undefined ? undefined : UNITS.find((unit) => unit === values.unit),
    rep,
    products: lines.length > 0 ? basketLines(lines) : undefined,
    page,
    consent: optional(consent),
  };
}

/** The form's values for an inquiry body: an unsent inquiry shown again after a reload. */
export function formValues(input: InquiryInput): FormValues {
  return {
    name: input.name ?? '',
    email: input.email,
    company: input.company ?? '',
    country: input.country ?? '',
    phone: input.phone ?? '',
    quantity: input.quantity === undefined ? '' : quantityText(input.quantity),
    unit: input.unit ?? 'pieces',
    message: input.message,
  };
}

// The contract's limits; a very long URL must not make the whole inquiry invalid.
const clip = (value: string, max: number): string | undefined => value.slice(0, max) || undefined;

/** The page the visitor writes from, for the rep's context. */
export function pageContext({
  location,
  referrer,
  language,
}: {
  location: { href: string };
  referrer: string;
  language: string;
}): PageContext {
  return {
    url: clip(location.href, 2000),
    referrer: clip(referrer, 2000),
    language: clip(language, 35),
    timezone: clip(Intl.DateTimeFormat().resolvedOptions().timeZone, 64),
  };
}
