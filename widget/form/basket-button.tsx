import { BASKET_MAX } from '../../contract/limits';
import { fill, type Locale } from '../i18n/locale';
import type { FormTexts } from './i18n/en';
import type { WidgetState } from './state';

/**
 * The inquiry basket at the foot of the screen, on every page of the site while it holds
 * products; it opens the form. It stays under the open dialog's backdrop: removed, it could not
 * take the focus back when the dialog closes, and the visitor's place would be lost. The live
 * region beside it says each product that joins, so a screen reader hears what the page's "Add
 * to inquiry" button did; when the basket is full, it says so to everyone, above the button,
 * and again at each product the page tries to add (a new node: the same text set again would
 * be a change no screen reader hears), while it is full (another tab may send or empty it).
 */
export function BasketButton({
  state,
  locale,
  onOpen,
}: {
  state: WidgetState;
  locale: Locale<FormTexts>;
  onOpen: () => void;
}) {
  const count = state.lines.value.length;
  const note = state.basketNote.value;
  return (
    <div
      class="basket"
      lang={locale.lang}
      dir={locale.dir}
      style={state.config.value?.site.theme ?? undefined}
    >
      <p class={note?.full && count >= BASKET_MAX ? 'basket-note' : 'sr-only'} role="status">
        {note && <span key={note.n}>{note.text}</span>}
      </p>
      {count > 0 && (
        <button
          type="button"
          class="btn primary basket-btn"
          aria-haspopup="dialog"
          onClick={onOpen}
        >
          {fill(locale.texts.basket, { count })}
        </button>
      )}
    </div>
  );
}
