import { UNITS } from '../../contract/limits';
import { fill } from '../i18n/locale';
import type { Line } from './basket';
import { Field } from './field';
import type { FieldErrors } from './form-errors';
import type { FormTexts } from './i18n/en';
import { CloseIcon } from './icons';

/** The inquiry's products, what the visitor can change of them, and their errors. */
export interface ProductLinesProps {
  lines: Line[];
  texts: FormTexts;
  errors: FieldErrors;
  onChange: (index: number, field: 'quantity' | 'unit', value: string) => void;
  onRemove: (index: number) => void;
}

/** The products the inquiry is about (the inquiry basket), each with quantity and unit. */
export function ProductLines({ lines, texts: t, errors, onChange, onRemove }: ProductLinesProps) {
  return (
    <div class="field" role="group" aria-labelledby="products-label">
      <span class="label" id="products-label">
        {lines.length > 1 ? t.products : t.product}
      </span>
      <ul class="lines">
        {lines.map(({ product, quantity, unit }, index) => {
          const id = `f-line${index}`;
          return (
            <li key={`${product.name}\n${product.sku ?? ''}`} class="line">
              <div class="chip">
                {product.image && <img src={product.image} width={40} height={40} alt="" />}
                <span class="chip-text">
                  <span class="chip-name" id={`${id}-name`}>
                    {product.name}
                  </span>
                  {product.sku && <span class="chip-sku">{fill(t.sku, { sku: product.sku })}</span>}
                </span>
                <button
                  type="button"
                  class="icon-btn"
                  id={id}
                  aria-label={t.removeProduct}
                  aria-describedby={`${id}-name`}
                  onClick={() => onRemove(index)}
                >
                  <CloseIcon size={18} />
                </button>
              </div>
              <div class="grid pair">
                <Field id={`${id}-quantity`} label={t.quantity} error={errors[`line${index}`]}>
                  {(aria) => (
                    <input
                      {...aria}
                      value={quantity}
                      onInput={(event) => onChange(index, 'quantity', event.currentTarget.value)}
                      inputMode="decimal"
                    />
                  )}
                </Field>
                <Field id={`${id}-unit`} label={t.unit}>
                  {(aria) => (
                    <select
                      {...aria}
                      value={unit}
                      onInput={(event) => onChange(index, 'unit', event.currentTarget.value)}
                    >
                      {UNITS.map((known) => (
                        <option key={known} value={known}>
                          {t[`unit.${known}`]}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
