import { toJson } from '../json';
import type { BasketLine, ProductInput } from '../../contract/inquiry';
import { BASKET_MAX, UNITS } from '../../contract/limits';
import { toProduct } from '../product';
import { quantityText, readQuantity } from './quantity';
import { isRecord } from '../responses';
import { basketKey } from '../unsent-inquiry';
import type { StorageLike } from './token-store';

/** One product of the inquiry, with the quantity and unit as the visitor typed them. */
export interface Line {
  product: ProductInput;
  quantity: string;
  unit: string;
}

export const sameProduct = (a: ProductInput, b: ProductInput): boolean =>
  a.name === b.name && (a.sku ?? '') === (b.sku ?? '');

/**
 * `lines` with `product` added at the end, unless it is there already or the basket is full
 * (then `lines` itself). `start` is the quantity and unit a new line begins with.
 */
export function addLine(
  lines: Line[],
  product: ProductInput,
  start: Omit<Line, 'product'>,
): Line[] {
  if (lines.length >= BASKET_MAX || lines.some((line) => sameProduct(line.product, product))) {
    return lines;
  }
  return [...lines, { product, ...start }];
}

/** The inquiry body's `products`: each line with its quantity (a number) and unit. */
export function basketLines(lines: Line[]): BasketLine[] {
  return lines.map(({ product, quantity, unit }) => {
    const amount = readQuantity(quantity);
    return {
      ...product,
      quantity: amount,
      unit: amount === undefined ? undefined : UNITS.find((known) => known === unit),
    };
  });
}

/** The form's lines for a body's `products`: an unsent inquiry shown again after a reload. */
export const linesOf = (products: readonly BasketLine[] = []): Line[] =>
  products.map(({ quantity, unit, ...product }) => ({
    product,
    quantity: quantity === undefined ? '' : quantityText(quantity),
    unit: unit ?? 'pieces',
  }));

// Another page view (perhaps of an older release) wrote it: read as unknown, keep what fits,
// the way the page's own product attributes are read.
const readLine = (value: unknown): Line | null => {
  if (!isRecord(value) || !isRecord(value.product)) return null;
  // Stored URLs are absolute already.
  const product = toProduct(value.product);
  if (!product) return null;
  return {
    product,
    quantity: typeof value.quantity === 'string' ? value.quantity : '',
    unit: typeof value.unit === 'string' ? value.unit : 'pieces',
  };
};

/** Keeps the basket across the site's pages, in the page's localStorage. */
export interface BasketStore {
  read(): Line[];
  /** Writes `lines`; an empty basket leaves nothing behind. */
  write(lines: Line[]): void;
  /** Calls `changed` when another tab of the site changes the basket. */
  watch(changed: () => void): void;
}

/**
 * The basket of one site. Storage may be blocked or full: then the basket lives for this page
 * view only, which the visitor cannot change and need not be told about.
 */
export function createBasketStore({
  site,
  storage = () => window.localStorage,
  events = globalThis.window,
}: {
  site: string;
  storage?: () => StorageLike;
  /** Where another tab's change is heard (`storage` events): the window (none in unit tests). */
  events?: Pick<EventTarget, 'addEventListener'> | undefined;
}): BasketStore {
  const key = basketKey(site);
  return {
    read() {
      try {
        const parsed: unknown = JSON.parse(storage().getItem(key) ?? '[]');
        if (!Array.isArray(parsed)) return [];
        return parsed.map(readLine).filter((line): line is Line => line !== null);
      } catch {
        return [];
      }
    },
    write(lines) {
      try {
        if (lines.length === 0) storage().removeItem(key);
        else storage().setItem(key, toJson(lines.slice(0, BASKET_MAX)));
      } catch {
        // See above: this page view keeps it in memory.
      }
    },
    watch(changed) {
      events?.addEventListener('storage', (event) => {
        if ((event as StorageEvent).key === key) changed();
      });
    },
  };
}
