import { guard } from './guard';

/**
 * Calls `onClick` for clicks on any element matching `selector` (`[data-liaison-contact]`,
 * `[data-liaison-add]`), including ones added later: one listener on the document, in the
 * capture phase so page handlers that stop propagation do not swallow it. The element may be
 * a link, so its navigation is prevented.
 */
export function listenForClicks(
  doc: Document,
  selector: string,
  onClick: (element: HTMLElement) => void,
): () => void {
  const listener = guard((event: MouseEvent) => {
    const target = event.target;
    const element = target instanceof Element ? target.closest(selector) : null;
    if (!(element instanceof HTMLElement)) return;
    event.preventDefault();
    onClick(element);
  });
  doc.addEventListener('click', listener, true);
  return () => doc.removeEventListener('click', listener, true);
}

// What counts as intent: pointing at or focusing a Contact Now element, a card or the launcher
// (events from inside our shadow roots reach the document retargeted to their host).
const INTENT = '[data-liaison-contact],[data-liaison-add],[data-liaison-card],liaison-launcher';

/** Calls `onIntent` once, at the first hover or focus on anything that opens the form. */
export function listenForIntent(doc: Document, onIntent: () => void): void {
  const types = ['pointerover', 'focusin'] as const;
  const listener = guard((event: Event) => {
    const target = event.target;
    if (!(target instanceof Element) || !target.closest(INTENT)) return;
    for (const type of types) doc.removeEventListener(type, listener, true);
    onIntent();
  });
  for (const type of types) doc.addEventListener(type, listener, true);
}
