import type { ProductInput } from '../../contract/inquiry';
import type { FormTexts } from './i18n/en';
import { fill } from '../i18n/locale';
import { CloseIcon } from './icons';

/** The attached product, its error if any, and what removing it does. */
export interface ProductChipProps {
  product: ProductInput;
  texts: FormTexts;
  error?: string;
  onRemove: () => void;
}

/** The product the inquiry is about, with a button to detach it. */
export function ProductChip({ product, texts: t, error, onRemove }: ProductChipProps) {
  return (
    <div class="field" role="group" aria-labelledby="product-label">
      <span class="label" id="product-label">
        {t.product}
      </span>
      <div class="chip">
        {product.image && <img src={product.image} width={40} height={40} alt="" />}
        <span class="chip-text">
          <span class="chip-name">{product.name}</span>
          {product.sku && <span class="chip-sku">{fill(t.sku, { sku: product.sku })}</span>}
        </span>
        <button
          type="button"
          class="icon-btn"
          id="f-product"
          aria-label={t.removeProduct}
          aria-describedby={error ? 'f-product-error' : undefined}
          onClick={onRemove}
        >
          <CloseIcon size={18} />
        </button>
      </div>
      {error && (
        <p class="error" id="f-product-error">
          {error}
        </p>
      )}
    </div>
  );
}
