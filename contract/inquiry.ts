import * as z from 'zod/mini';

import {
  ATTACHMENTS_MAX,
  BASKET_MAX,
  EMAIL_PATTERN,
  FIELD_MAX,
  MESSAGE_MAX,
  MESSAGE_MIN,
  QUANTITY_MAX,
  UNITS,
} from './limits';

export { BASKET_MAX, FIELD_MAX, MESSAGE_MAX, MESSAGE_MIN, QUANTITY_MAX, UNITS } from './limits';
export type { Unit } from './limits';

const text = (max: number) => z.string().check(z.trim(), z.maxLength(max));
// Only web links: a `javascript:` URL must never reach a mail or the inbox as a link.
const webUrl = z.url({ protocol: /^https?$/ });

export const ProductInput = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(300)),
  sku: z.optional(text(100)),
  /** Routing rules may match it (the embed's data-product-category). */
  category: z.optional(text(100)),
  url: z.optional(webUrl.check(z.maxLength(2000))),
  image: z.optional(webUrl.check(z.maxLength(2000))),
});
export type ProductInput = z.infer<typeof ProductInput>;

const Quantity = z.number().check(z.positive(), z.lte(QUANTITY_MAX));

/** One product of the inquiry basket, with how many of it the buyer wants. */
export const BasketLine = z.strictObject({
  ...ProductInput.shape,
  quantity: z.optional(Quantity),
  unit: z.optional(z.enum(UNITS)),
});
export type BasketLine = z.infer<typeof BasketLine>;

export const PageContext = z.strictObject({
  url: z.optional(text(2000)),
  referrer: z.optional(text(2000)),
  language: z.optional(text(35)),
  timezone: z.optional(text(64)),
});
export type PageContext = z.infer<typeof PageContext>;

/**
 * The body of `POST /api/v1/sites/{siteKey}/inquiries`: flat where it can be, as a site owner
 * posting from their own form would expect. Empty optional strings mean "not given".
 */
export const InquiryInput = z
  .strictObject({
    name: z.optional(text(FIELD_MAX.name)),
    email: z.pipe(text(FIELD_MAX.email), z.email({ pattern: EMAIL_PATTERN })),
    company: z.optional(text(FIELD_MAX.company)),
    country: z.optional(text(FIELD_MAX.country)),
    phone: z.optional(text(FIELD_MAX.phone)),
    message: z.string().check(z.trim(), z.minLength(MESSAGE_MIN), z.maxLength(MESSAGE_MAX)),
    /** The quantity of the one `product`, or of the inquiry when it names none. */
    quantity: z.optional(Quantity),
    unit: z.optional(z.enum(UNITS)),
    rep: z.optional(text(100)),
    /** One product (a site's own form, a Contact Now button): the simple shape. */
    product: z.optional(ProductInput),
    /** Several products, each with its quantity (the widget's inquiry basket). */
    products: z.optional(z.array(BasketLine).check(z.minLength(1), z.maxLength(BASKET_MAX))),
    /** Files uploaded just before (`POST .../attachments`), by the ids that answer gave. */
    attachments: z.optional(
      z
        .array(z.string().check(z.minLength(1), z.maxLength(64)))
        .check(z.maxLength(ATTACHMENTS_MAX)),
    ),
    page: z.optional(PageContext),
    /** A solved proof-of-work challenge (ALTCHA, base64 JSON), when the site asks for one. */
    pow: z.optional(z.string().check(z.maxLength(2000))),
    /** The consent text the visitor was shown beside the send button, recorded as shown. */
    consent: z.optional(text(1000)),
    /** Sent by the widget only: how the form was filled (see server/domain/spam.ts). */
    client: z.optional(
      z.strictObject({
        honeypot: z.optional(z.string().check(z.maxLength(500))),
        elapsedMs: z.optional(z.int().check(z.minimum(0))),
      }),
    ),
  })
  .check(
    z.refine((input) => !(input.product && input.products), {
      message: 'Send either product or products, not both.',
      path: ['products'],
    }),
  );
export type InquiryInput = z.input<typeof InquiryInput>;
export type ValidInquiry = z.output<typeof InquiryInput>;

/**
 * The 201 answer: the inquiry's id, who it went to (null: the site's queue), and the
 * conversation token that lets this visitor read and continue the thread (a capability:
 * keep it private).
 */
export interface InquiryCreated {
  id: string;
  rep: { name: string } | null;
  token: string;
}

/**
 * The 201 answer of `POST /api/v1/sites/{siteKey}/attachments` (the file's bytes as the body,
 * its name in `X-Filename`, URI-encoded): name the id in the inquiry's `attachments`. A file no
 * inquiry names within a day is deleted.
 */
export interface AttachmentCreated {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}

export const PROOF_OF_WORK = ['off', 'on', 'auto'] as const;
export type ProofOfWork = (typeof PROOF_OF_WORK)[number];

/**
 * `GET /api/v1/sites/{siteKey}/challenge`: whether an inquiry needs a proof-of-work now, and
 * the challenge to solve (ALTCHA v1: find `number` <= maxnumber with SHA-256(salt + number)
 * equal to `challenge`, then send base64 JSON of { algorithm, challenge, number, salt,
 * signature } as `pow`).
 */
export interface ProofOfWorkChallenge {
  required: boolean;
  challenge: {
    algorithm: string;
    challenge: string;
    maxnumber: number;
    salt: string;
    signature: string;
  } | null;
}
