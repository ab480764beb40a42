import type { Locator } from '@playwright/test';

// Controls a person operates, so WCAG 2.2's 2.5.8 minimum applies. The honeypot is excluded:
// nobody sees or reaches it (aria-hidden, clipped away, out of the tab order).
const CONTROLS = 'button, input, select, textarea, a[href]';

/** The controls in `scope` smaller than 24x24 CSS pixels (WCAG 2.5.8), with their sizes. */
export function smallTargets(scope: Locator): Promise<string[]> {
  return scope.locator(CONTROLS).evaluateAll((elements) =>
    elements
      .filter((el) => !el.closest('[aria-hidden="true"]') && el.getClientRects().length > 0)
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 24 || box.height < 24)
      .map(({ el, box }) => `${el.outerHTML.slice(0, 80)}: ${box.width}x${box.height}`),
  );
}

/** The named computed style properties of the first element `locator` finds. */
export function stylesOf(locator: Locator, names: string[]): Promise<Record<string, string>> {
  return locator.evaluate(
    (el, props) =>
      Object.fromEntries(props.map((p) => [p, getComputedStyle(el).getPropertyValue(p)])),
    names,
  );
}

/** The form's fields a visitor types into (not the honeypot). */
export const fieldsOf = (dialog: Locator) =>
  dialog.locator('input:not([name="website"]), select, textarea');
