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

/** Builds the product to attach from loose fields; none without a name. Without `base`, only
 * absolute URLs are kept. */
export function toProduct(
  fields: { name?: unknown; sku?: unknown; url?: unknown; image?: unknown },
  base?: string,
): ProductInput | undefined {
  const name = text(fields.name);
  if (!name) return undefined;
  const product: ProductInput = { name };
  const sku = text(fields.sku);
  const url = absoluteUrl(fields.url, base);
  const image = absoluteUrl(fields.image, base);
  if (sku) product.sku = sku;
  if (url) product.url = url;
  if (image) product.image = image;
  return product;
}

/** Reads `data-product-*` attributes of a Contact Now element. */
export function productFromDataset(
  dataset: Record<string, string | undefined>,
  base: string,
): ProductInput | undefined {
  return toProduct(
    {
      name: dataset.productName,
      sku: dataset.productSku,
      url: dataset.productUrl,
      image: dataset.productImage,
    },
    base,
  );
}

/** Reads the `product` of a `liaison('open', { product })` call, whatever the page passed. */
export function productFromOptions(options: unknown, base: string): ProductInput | undefined {
  if (typeof options !== 'object' || options === null) return undefined;
  const product: unknown = Reflect.get(options, 'product');
  if (typeof product !== 'object' || product === null) return undefined;
  return toProduct(
    {
      name: Reflect.get(product, 'name'),
      sku: Reflect.get(product, 'sku'),
      url: Reflect.get(product, 'url'),
      image: Reflect.get(product, 'image'),
    },
    base,
  );
}
