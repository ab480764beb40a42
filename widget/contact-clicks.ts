import { guard } from './guard';

/**
 * Calls `onContact` for clicks on any `[data-liaison-contact]` element, including ones added
 * later: one listener on the document, in the capture phase so page handlers that stop
 * propagation do not swallow it. The element may be a link, so its navigation is prevented.
 */
export function listenForContactClicks(
  doc: Document,
  onContact: (element: HTMLElement) => void,
): () => void {
  const listener = guard((event: MouseEvent) => {
    const target = event.target;
    const element = target instanceof Element ? target.closest('[data-liaison-contact]') : null;
    if (!(element instanceof HTMLElement)) return;
    event.preventDefault();
    onContact(element);
  });
  doc.addEventListener('click', listener, true);
  return () => doc.removeEventListener('click', listener, true);
}
