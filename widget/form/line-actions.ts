import type { ProductInput } from '../../contract/inquiry';
import { addLine, type BasketStore, type Line } from './basket';
import type { FieldErrors } from './form-errors';
import { batch } from './signal';
import type { WidgetState } from './state';

// Line errors are keyed by position: a changed basket drops them all.
const withoutLineErrors = (errors: FieldErrors): FieldErrors =>
  Object.fromEntries(Object.entries(errors).filter(([target]) => !target.startsWith('line')));

/**
 * What the visitor does to the inquiry's products (the basket): each change is kept for the
 * site's other pages at once; an earlier page's basket is read here, and never written until
 * the visitor changes it. Another tab's change is read again as it happens, so that a product
 * added there is not written over by the next change here.
 */
export function createLineActions({
  state,
  basket,
  holding = () => false,
}: {
  state: Pick<WidgetState, 'lines' | 'values' | 'errors'>;
  basket?: BasketStore | undefined;
  /** While the form shows an inquiry in flight, kept or refused, its lines are that inquiry's. */
  holding?: () => boolean;
}) {
  if (basket) {
    state.lines.value = basket.read();
    basket.watch(() => {
      if (!holding()) state.lines.value = basket.read();
    });
  }
  const setLines = (lines: Line[]) => {
    state.lines.value = lines;
    basket?.write(lines);
  };
  return {
    /** A product joins the basket; the first one takes the quantity the form already has. */
    add(product: ProductInput) {
      const lines = state.lines.value;
      const { quantity, unit } = state.values.value;
      const start = lines.length === 0 ? { quantity, unit } : { quantity: '', unit: 'pieces' };
      setLines(addLine(lines, product, start));
    },
    remove(index: number) {
      batch(() => {
        setLines(state.lines.value.filter((_, i) => i !== index));
        state.errors.value = withoutLineErrors(state.errors.value);
      });
    },
    set(index: number, field: 'quantity' | 'unit', value: string) {
      batch(() => {
        setLines(
          state.lines.value.map((line, i) => (i === index ? { ...line, [field]: value } : line)),
        );
        state.errors.value = { ...state.errors.value, [`line${index}`]: undefined };
      });
    },
    /** Sent: the basket is empty, and nothing of it is left in storage. */
    clear: () => setLines([]),
  };
}
