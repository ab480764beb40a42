import type { ProductInput } from '../contract/inquiry';

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

// The contract only takes absolute http(s) URLs; pages write relative ones ("/img/valve.svg").
const absoluteUrl = (value: unknown, base?: string): string | undefined => {
  const raw = text(value);
  if (!raw) return undefined;
  try {
    const url = new URL(raw, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    // Not a URL at all: leave it out rather than block the inquiry over a page typo.
    return undefined;
  }
};

/**
 * The product to attach, read from whatever the page gave (`{ name, sku, url, image }` of
 * `data-product-*` or of `liaison('open', { product })`); none without a name. Without `base`,
 * only absolute URLs are kept. The form reads it (the loader passes the page's fields on as
 * they are, so that the script every page view runs carries none of this).
 */
export function toProduct(fields: unknown, base?: string): ProductInput | undefined {
  if (typeof fields !== 'object' || fields === null) return undefined;
  const field = (key: string): unknown => Reflect.get(fields, key);
  const name = text(field('name'));
  if (!name) return undefined;
  const product: ProductInput = { name };
  const sku = text(field('sku'));
  const url = absoluteUrl(field('url'), base);
  const image = absoluteUrl(field('image'), base);
  if (sku) product.sku = sku;
  if (url) product.url = url;
  if (image) product.image = image;
  return product;
}
